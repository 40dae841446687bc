#!/usr/bin/env node
const { program } = require("commander");
const fs = require("fs");
program.option("--file <path>");
program.parse();
const file = program.opts().file;
if (!file) { console.error("Error: --file is required."); process.exit(1); }
process.stdout.write(fs.readFileSync(file, "utf8").replace(/<[^>]+>/g, ""));
