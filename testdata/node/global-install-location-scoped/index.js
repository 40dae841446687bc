#!/usr/bin/env node
require("spellcore").run(process.argv.slice(2));
