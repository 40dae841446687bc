export * from "./paths.js";
export { STATE_FILE as FALLBACK_FILE } from "./paths.js";
