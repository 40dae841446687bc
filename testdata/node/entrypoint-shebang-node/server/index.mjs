export function serve(opts) {}
