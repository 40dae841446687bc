const { spawn, exec } = require("child_process");
const path = require("path");
const tool = path.join(__dirname, "bin", "tool");

function info(url) {
  return spawn(tool, ["--dump-json", url]);
}

function audio(url) {
  return spawn(tool, ["-x", "-o", "-", url]);
}

function video(url) {
  return spawn(tool, ["-o", "-", url]);
}

function command(file) {
  const cmd = `ffprobe -i "${file}"`;
  return cmd;
}

function run(cmd) {
  exec(cmd, (err, out) => console.log(out));
}

run(command("in.mp4"));

require("express")()
  .get("/info", (req, res) => info(req.query.url).stdout.pipe(res))
  .get("/audio", (req, res) => audio(req.query.url).stdout.pipe(res))
  .get("/video", (req, res) => video(req.query.url).stdout.pipe(res))
  .listen(3000);
