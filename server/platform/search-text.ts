/** Escapes LIKE wildcards in user input, so "50%" searches for the text "50%". */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
