/**
 * HTML built by construction: `html` is a tagged template (hono's `html` helper is the model) whose static text
 * is markup written here, in the code, and whose interpolations are text, escaped, unless they are Html made
 * by this module. Nothing else makes Html, so a name from the run cannot reach the page as markup, whatever
 * a caller forgets: no call site escapes anything. Attribute values must be quoted in the static text (every
 * template here quotes them); escaping covers quotes too.
 */

class Markup {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  static is(value: unknown): value is Markup {
    return typeof value === 'object' && value !== null && #text in value;
  }

  toString(): string {
    return this.#text;
  }
}

/** Markup this module made: the only value `html` inserts unescaped. */
export type Html = Markup;

/** What may stand in a template's hole: text and numbers are escaped; nothing (false, null, undefined) is empty. */
export type Hole = string | number | Html | false | null | undefined | readonly Hole[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function fill(hole: Hole): string {
  if (hole === false || hole === null || hole === undefined) return '';
  if (Markup.is(hole)) return hole.toString();
  if (Array.isArray(hole)) return hole.map(fill).join('');
  return escaped(String(hole));
}

export function html(strings: TemplateStringsArray, ...holes: Hole[]): Html {
  let text = strings[0]!;
  holes.forEach((hole, i) => { text += fill(hole) + strings[i + 1]!; });
  return new Markup(text);
}

/**
 * A `<script type="application/json">` data island: `<`, `>`, `&` and the JavaScript line separators become
 * \u escapes, so no `</script>` or `<!--` in a name can close or confuse the element, and JSON.parse reads
 * the same value back.
 */
export function jsonIsland(id: string, value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new Markup(`<script type="application/json" id="${escaped(id)}">${json}</script>`);
}

/**
 * Code of ours as an inline script. A script element's text cannot be escaped, only kept from closing it:
 * code holding `</script` or `<!--` is refused (this is never the run's text, which travels in a data island).
 */
export function inlineScript(code: string): Html {
  if (/<\/script|<!--/i.test(code)) throw new Error('an inline script cannot hold "</script" or "<!--"');
  return new Markup(`<script>${code}</script>`);
}
