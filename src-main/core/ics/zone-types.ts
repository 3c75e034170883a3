/** A zone as calendar reading uses it: the runtime's (zones.ts) or a file's VTIMEZONE (zone-vtimezone.ts). */
export interface Zone {
  readonly id: string;
  /** UTC offset in ms at an instant */
  offsetAt(instant: number): number;
}
