/** The site module's public face: the spec schema and types, validation, the named sites, the campus generator. */
export * from './spec.ts';
export { hasKeypad, isWallReader } from './lock-kinds.ts';
export { specFilePath, type SpecError } from './spec-error.ts';
export * from './physical-bounds.ts';
export * from './floor-plan.ts';
export {
  jsonTextProblem,
  jsonValueProblem,
  parseJsonText,
  type JsonCheckOptions,
  type JsonValueProblem,
  type ParseJsonResult,
} from './json-depth.ts';
export { parseSiteSpec, type ParseSiteSpecResult } from './validate.ts';
export { scheduleRootPath, validateSchedule, type ScheduleValidation } from './schedule-schema.ts';
export { issueMessage, specErrorsFromIssues } from './schema-issues.ts';
export { generateCampusSpec, type CampusOptions } from './campus.ts';
export { describeSite, isSiteName, loadNamedSite, siteNames, type SiteName } from './library.ts';
