import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * Where a JSON text nests deeper than `limit` arrays and objects: the offset of the first bracket past it, or
 * undefined when it stays within. It reads tokens with jsonc-parser's scanner, which loops rather than recurses,
 * so it is safe on any input; a close bracket ends only the kind of bracket it matches, as in jsonc-parser's
 * own parser (which skips a stray one), so the depth counted here is never less than that parser would reach.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  const open: SyntaxKind[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (open.length === limit) return scanner.getTokenOffset();
      open.push(token);
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      const opener = token === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (open.at(-1) === opener) open.pop();
    }
  }
  return undefined;
}
