export const STATE_FILE = "data/state.json";
export const FEEDS_FILE = "data/feeds.json";
