// Starts the app: imports the wasm-bindgen module that Trunk built and runs it. It is a file
// of its own, not the inline script Trunk writes by default, so the page's
// Content-Security-Policy can refuse every inline script. Trunk.toml's `pattern_script` passes
// the built file names in this script's URL.
const given = new URL(import.meta.url).searchParams;
const here = new URL('.', import.meta.url);
const { default: init } = await import(new URL(given.get('js'), here).href);
const wasm = await init({ module_or_path: new URL(given.get('wasm'), here) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
// Offline after the first visit (static/sw.js): registered once the page has loaded and is
// idle, so it never competes with the first render.
if ('serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register(new URL('sw.js', here)).catch(() => {});
  const later = () => (self.requestIdleCallback ?? setTimeout)(register);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later);
}
