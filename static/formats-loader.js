// Starts the dataset converters' Web Worker (src/bin/formats_worker.rs): loads the script
// Trunk built for importScripts and its wasm, both beside this file.
importScripts('formats-worker.js');
wasm_bindgen({ module_or_path: 'formats-worker_bg.wasm' });
