const { exec } = require("child_process");

function probe(file) {
  const cmd = `ffmpeg -hide_banner -i "${file}"`;
  exec(cmd, (err, stdout, stderr) => console.log(stderr));
}

probe(process.argv[2] || "in.mp4");
