/** OData query options for the REST API's lists: `$filter` (parse, evaluate) and `$orderby` (parse, sort). */
export { ODataError } from './errors.ts';
export type { DateTimeValue } from './date-time.ts';
export type { Token } from './lexer.ts';
export {
  matchesFilter,
  parseFilter,
  type ComparisonOperator,
  type FilterFunction,
  type FilterNode,
  type Literal,
  type ParseFilterOptions,
} from './filter.ts';
export { parseOrderBy, sortItems, type OrderKey, type ParseOrderByOptions } from './orderby.ts';
