// Starts Kalkyl: loads the build's JavaScript bindings and WebAssembly,
// whose hashed names trunk writes on this script's tag (Trunk.toml,
// `pattern_script`). A file of its own rather than trunk's inline loader,
// so that the page's Content-Security-Policy allows no inline script.
const tag = document.querySelector('script[data-bindings][data-wasm]');
const { default: init } = await import(tag.dataset.bindings);
await init({ module_or_path: tag.dataset.wasm });
