package presets

import (
	"slices"
	"testing"
)

// The node preset's dev_deps.imports patterns: which loads of a package
// they see, and the package's name.
func TestNodeDevImportLoads(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var im *DevImports
	for _, p := range all {
		if p.Name == "node" && p.DevDeps != nil {
			im = p.DevDeps.Imports
		}
	}
	if im == nil {
		t.Fatal("node preset has no dev_deps.imports")
	}
	src := `import express from 'express';
import type { Config } from 'ts-node';
export type { X } from "typed-only";
import {
  a,
  b,
} from "@scope/multi/sub/path";
import 'dotenv/config';
const client = require("prom-client");
const local = require('./local');
const fs = require('node:fs');
export * from 'reexported';
const lazy = await import('lazy-mod');
  import * as ns from 'ns-mod'
`
	var got []string
	for _, l := range im.Loads([]byte(src)) {
		got = append(got, l.Name)
	}
	want := []string{"express", "@scope/multi", "dotenv", "prom-client", "reexported", "lazy-mod", "ns-mod"}
	if !slices.Equal(got, want) {
		t.Errorf("loads = %q, want %q", got, want)
	}
	if !im.Ignored("@types/express") || im.Ignored("express") {
		t.Error("@types/* must be ignored, express not")
	}
	for _, n := range []string{"vite.config.ts", "setupTests.ts", "jest.setup.js", "app.test.ts", "types.d.ts", "node_modules", "__tests__"} {
		if !im.Skipped(n) {
			t.Errorf("%s is read, want skipped", n)
		}
	}
	if im.Skipped("server.ts") || !im.Reads("server.ts") || !im.Reads("a.mjs") || im.Reads("a.json") {
		t.Error("server.ts and a.mjs must be read, a.json not")
	}
}
