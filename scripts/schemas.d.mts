/** Generates the JSON Schema files' text from schemas/src, by file name. */
export function generateSchemas(): Record<string, string>;
