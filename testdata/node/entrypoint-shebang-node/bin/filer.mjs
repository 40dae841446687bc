#!/usr/bin/env node

import {serve} from "../server/index.mjs";

serve({port: 8000, root: process.cwd()});
