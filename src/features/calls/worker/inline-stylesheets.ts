/**
 * A built page with its linked stylesheets inlined: a linked stylesheet holds the first frame
 * until it has loaded. Used by the build (scripts/classic-worker-plugin.ts), which embeds the
 * call-pop page in the worker, and by the worker itself when it runs unbuilt (tests, dev server).
 * No imports: the build's Node side loads this file too.
 */
const STYLESHEET = /<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g;

export async function inlineStylesheets(
  page: string,
  stylesheet: (path: string) => string | Promise<string>,
): Promise<string> {
  const links = [...page.matchAll(STYLESHEET)];
  const sheets = await Promise.all(links.map(async ([, path]) => stylesheet(path!)));
  return links.reduce((html, [link], index) => {
    const css = sheets[index]!;
    // Our own build's CSS; anything that could end the <style> element stays linked.
    return /<\/style/i.test(css) ? html : html.replace(link, () => `<style>${css}</style>`);
  }, page);
}
