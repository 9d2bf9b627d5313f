/** A Pipedrive call log's note: HTML, as Pipedrive documents it, from and back to plain text. */

/**
 * The user's plain-text note as HTML, the form Pipedrive documents for a call log's `note`: sent
 * raw, `a < b` or `<Friday>` would be read as markup and line breaks would collapse.
 */
export function noteHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, '<br>');
}

/**
 * The note Pipedrive gives back, as the plain text it was written from: Pipedrive may clean the
 * HTML it stores (`<br />`, paragraphs, other entities), and a retry must still know its log.
 */
export function noteText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<\/?p[^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The note as typed, with its line breaks made alike, to compare with noteText. */
export const typedNote = (note: string) => note.replace(/\r\n?/g, '\n').trim();
