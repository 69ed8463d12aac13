/** OData query options for the REST API's lists: `$filter` (parse, evaluate) and `$orderby` (parse, sort). */
export { ODataError } from './errors.ts';
export { parseDateTime, type DateTimeValue } from './date-time.ts';
export { filterLengthMax, tokenize, type Token } from './lexer.ts';
export {
  comparisonOperators,
  fieldValue,
  filterDepthMax,
  filterFunctions,
  matchesFilter,
  parseFilter,
  type ComparisonOperator,
  type FilterFunction,
  type FilterNode,
  type Literal,
  type ParseFilterOptions,
} from './filter.ts';
export {
  orderByLengthMax,
  orderKeysMax,
  parseOrderBy,
  sortItems,
  type OrderKey,
  type ParseOrderByOptions,
} from './orderby.ts';
