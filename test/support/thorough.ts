/**
 * Long loops (crash rounds, fuzz payloads, property runs) run a meaningful part by default and in
 * full with KEEL_THOROUGH=1 (`npm run test:thorough`, and the contributors' workflow in
 * .github/workflows/ci.yml), so `npm test` stays quick without losing the full runs.
 */
export const THOROUGH = process.env.KEEL_THOROUGH === '1';

/**
 * `full` under KEEL_THOROUGH=1, else `quick`; says which, so a log shows how much ran.
 * `what` names the unit: "crash-safety: SIGKILL rounds".
 */
export function loopSize(what: string, quick: number, full: number): number {
  if (THOROUGH) {
    console.log(`${what}: ${full} (KEEL_THOROUGH=1)`);
    return full;
  }
  console.log(`${what}: ${quick} of ${full}; all of them with KEEL_THOROUGH=1 (npm run test:thorough)`);
  return quick;
}

/**
 * fast-check's numRuns for a property: `full` under KEEL_THOROUGH=1, else a fifth of it and never
 * fewer than fast-check's own default of 100. Each run draws a new seed (unless the test pins
 * one), so the quick runs still explore new cases over time.
 */
export function propertyRuns(full: number): number {
  return THOROUGH ? full : Math.min(full, Math.max(100, Math.round(full / 5)));
}
