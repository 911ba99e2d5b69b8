/** Where a rule's documentation page is published (also shipped in docs/rules/ in the package). */
export const docsBase = 'https://github.com/commspec/commspec/blob/main/docs/rules/';

export function ruleHelpUri(id: string): string {
  return `${docsBase}${id}.md`;
}
