export default {
  FEEDS_FILE: "data/feeds.json",
  LOG_LEVEL: "info",
};
