/** A deterministic, realistic specification of about `lines` lines. */
export function generateSpecification(options?: { seed?: number; lines?: number; id?: string }): string;
