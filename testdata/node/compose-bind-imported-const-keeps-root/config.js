// Where the bot keeps its state, relative to the working folder.
const STATE_FILE = "data/state.json";
const PORT = 8080;

module.exports = { STATE_FILE, PORT };
