/** The site module's public face: the spec schema and types, validation, fake people, the named sites. */
export * from './spec.ts';
export { formatPath, formatSpecErrors, specFilePath, specRootPath, type SpecError } from './spec-error.ts';
export { crossCheckSiteSpec, parseSiteSpec, type ParseSiteSpecResult } from './validate.ts';
export { isValidTimeZone } from './time-zone.ts';
export {
  scheduleRootPath,
  scheduleSchema,
  validateSchedule,
  type ScheduleValidation,
} from './schedule-schema.ts';
export { issueMessage, specErrorsFromIssues } from './schema-issues.ts';
export { fillFakePeople } from './fake-people.ts';
export {
  campusDefaults,
  campusIqsMax,
  campusUsersMax,
  generateCampusSpec,
  type CampusOptions,
} from './campus.ts';
export {
  describeSite,
  isSiteName,
  loadNamedSite,
  loadSiteFile,
  siteNames,
  type SiteName,
} from './library.ts';
