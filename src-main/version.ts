import { version as packageVersion } from '../package.json';

/** Keel's version, from package.json (bundlers keep only this field). */
export const version: string = packageVersion;
