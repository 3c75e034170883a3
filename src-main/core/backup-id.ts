/**
 * A backup's id as the window and the CLI name it (`daily-2027-03-15`, `weekly-2027-03-15` for
 * the week's Monday, `safety-20270315-101500`); storage maps an id to its file and nothing else
 * reaches the file system.
 */
export const BACKUP_ID_PATTERN = /^(daily|weekly)-\d{4}-\d{2}-\d{2}$|^safety-\d{8}-\d{6}$/;
