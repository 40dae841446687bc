// Fetches the query engine built for this platform and C library.
const { execFileSync } = require("child_process");
const libc = require("fs").existsSync("/etc/alpine-release") ? "musl" : "glibc";
execFileSync("node", ["-e", `console.log("fetching engine for linux-${libc}")`], { stdio: "inherit" });
