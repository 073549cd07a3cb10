// The app's service worker: the app works offline after its first visit. Offsets are not
// involved; it only caches the app's own files.
// - Installing caches the files the page and the worker load: those index.html names, the two
//   that boot.js's URL names, and the worker's, whose names do not change.
// - A page (a navigation) and the files whose names do not change with a build (the worker's,
//   boot.js) come from the network when there is one, so an update is picked up on the next
//   visit, page and worker alike, else from the cache.
// - Other files come from the cache, else from the network, and are kept (new hashed names).
const CACHE = 'article-annotator';
const WORKER_FILES = ['formats-loader.js', 'formats-worker.js', 'formats-worker_bg.wasm'];
/** Files whose names stay the same from one build to the next. */
const UNCHANGING_NAMES = new Set([...WORKER_FILES, 'boot.js']);

async function appFiles() {
  const page = await (await fetch('./', { cache: 'no-cache' })).text();
  const names = new Set(['./', ...WORKER_FILES]);
  for (const [, name, query] of page.matchAll(/(?:href|src)="(?:\.\/)?([^"?:]+)(\?[^"]*)?"/g)) {
    // boot.js is asked for with the built files' names as its query, and read with it.
    const search = (query ?? '').replaceAll('&amp;', '&');
    names.add(name + search);
    for (const [, file] of search.matchAll(/(?:js|wasm)=([^&]+)/g)) names.add(file);
  }
  return [...names];
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(await appFiles());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function kept(request, response) {
  if (response.ok && new URL(request.url).origin === self.location.origin) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then((r) => kept(new Request('./'), r)).catch(() => caches.match('./')));
    return;
  }
  const name = new URL(request.url).pathname.split('/').pop();
  if (UNCHANGING_NAMES.has(name)) {
    event.respondWith(fetch(request).then((r) => kept(request, r)).catch(() => caches.match(request)));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then((r) => kept(request, r))));
});
