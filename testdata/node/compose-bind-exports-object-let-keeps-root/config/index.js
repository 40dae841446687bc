// Where the bot keeps its state, relative to the working folder.
module.exports = {
  PORT: 8080,
  STATE_FILE: "data/state.json",
};
