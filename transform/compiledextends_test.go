package transform

import (
	"testing"
	"testing/fstest"

	"github.com/restage/restage/presets"
)

// TestCompiledDirsExtends: tsconfig.json's folders taken from the files
// it extends (review 21, finding D, left): relative to the file that
// sets them, the file's own winning, then the later of a list; a base
// out of reach (a package, a missing file, a loop past the bound)
// leaves the start unmapped while a folder is still unset.
func TestCompiledDirsExtends(t *testing.T) {
	c := presets.CompiledOut{Config: "tsconfig.json", OutDir: "compilerOptions.outDir", RootDir: "compilerOptions.rootDir", Extends: "extends", ExtendsSuffixes: []string{".json"}}
	for _, tc := range []struct {
		name     string
		files    map[string]string
		out, src string
		ok       bool
	}{
		{"own", map[string]string{"app/tsconfig.json": `{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}`}, "app/dist", "app/src", true},
		{"base in another folder", map[string]string{
			"app/tsconfig.json":  `{"extends": "../base/tsconfig"}`,
			"base/tsconfig.json": `{"compilerOptions": {"outDir": "../app/build", "rootDir": "../app/lib"}}`,
		}, "app/build", "app/lib", true},
		{"own wins", map[string]string{
			"tsconfig.json": `{"extends": "./base.json", "compilerOptions": {"outDir": "out"}}`,
			"base.json":     `{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}`,
		}, "out", "src", true},
		{"later wins", map[string]string{
			"tsconfig.json": `{"extends": ["./a.json", "./b.json"]}`,
			"a.json":        `{"compilerOptions": {"outDir": "a-out", "rootDir": "a-src"}}`,
			"b.json":        `{"compilerOptions": {"outDir": "b-out"}}`,
		}, "b-out", "a-src", true},
		{"chain", map[string]string{
			"tsconfig.json": `{"extends": "./cfg/mid.json"}`,
			"cfg/mid.json":  `{"extends": "./root.json", "compilerOptions": {"rootDir": "../src"}}`,
			"cfg/root.json": `{"compilerOptions": {"outDir": "../dist"}}`,
		}, "dist", "src", true},
		{"root unset anywhere", map[string]string{
			"tsconfig.json": `{"extends": "./base.json"}`,
			"base.json":     `{"compilerOptions": {"outDir": "dist"}}`,
		}, "dist", "", true},
		{"package", map[string]string{"tsconfig.json": `{"extends": "@tsconfig/node18/tsconfig.json", "compilerOptions": {"outDir": "dist"}}`}, "", "", false},
		{"bare name is a package", map[string]string{
			"tsconfig.json": `{"extends": "base.json"}`,
			"base.json":     `{"compilerOptions": {"outDir": "dist", "rootDir": "src"}}`,
		}, "", "", false},
		{"missing base", map[string]string{"tsconfig.json": `{"extends": "./nope", "compilerOptions": {"outDir": "dist"}}`}, "", "", false},
		{"loop", map[string]string{
			"tsconfig.json": `{"extends": "./a.json"}`,
			"a.json":        `{"extends": "./tsconfig.json"}`,
		}, "", "", false},
		{"not a string", map[string]string{"tsconfig.json": `{"extends": 3}`}, "", "", false},
	} {
		ctx := fstest.MapFS{}
		for name, data := range tc.files {
			ctx[name] = &fstest.MapFile{Data: []byte(data)}
		}
		file := "tsconfig.json"
		if _, ok := tc.files["app/tsconfig.json"]; ok {
			file = "app/tsconfig.json"
		}
		out, src, ok := compiledDirs(ctx, c, file, extendsDepth)
		if out != tc.out || src != tc.src || ok != tc.ok {
			t.Errorf("%s: got %q, %q, %v; want %q, %q, %v", tc.name, out, src, ok, tc.out, tc.src, tc.ok)
		}
	}
}
