import { spawn } from "node:child_process";
// outside server/: the Dockerfile never copies this folder
export function run(cmd, args) {
  return spawn(cmd, args, { stdio: "inherit" });
}
