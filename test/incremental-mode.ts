const FINGERPRINT = /"fingerprint":"[^"]*"/;

/**
 * A `--no-incremental` run's text (or its first line) as the incremental run's would read: its run record names
 * the other mode, and so carries another fingerprint; nothing else may differ.
 */
export function asIncremental(reference: string, fast: string): string {
  return reference.replace('"incremental":false', '"incremental":true').replace(FINGERPRINT, FINGERPRINT.exec(fast)?.[0] ?? '"fingerprint":(none)');
}
