package presets

import "testing"

// npm's lockfiles name a module by a package entry's key alone (review 12,
// finding G): a bin map's command name or a requirement inside an entry
// is no module; a version 1 lockfile, with no packages object, is read
// whole as before.
func TestNpmLockfileNamesInKeys(t *testing.T) {
	ps, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var d *LibcDeps
	for _, p := range ps {
		if p.Name == "node" {
			d = p.Static.LibcDeps
		}
	}
	if d == nil {
		t.Fatal("the node preset has no static.libc_deps")
	}
	for _, c := range []struct {
		why, file, data string
		want            string
	}{
		{"bin map", "package-lock.json", `{"lockfileVersion": 3, "packages": {"": {"dependencies": {"bcryptjs": "^3"}}, "node_modules/bcryptjs": {"bin": {"bcrypt": "bin/bcrypt"}}}}`, ""},
		{"peer requirement", "package-lock.json", `{"lockfileVersion": 3, "packages": {"node_modules/x": {"peerDependencies": {"sharp": "*"}}}}`, ""},
		{"entry key", "package-lock.json", `{"lockfileVersion": 3, "packages": {"node_modules/x": {"dependencies": {"bcrypt": "^5"}}, "node_modules/bcrypt": {}}}`, "bcrypt"},
		{"nested entry key", "npm-shrinkwrap.json", `{"lockfileVersion": 2, "packages": {"node_modules/x/node_modules/@prisma/client": {}}}`, "@prisma/client"},
		{"version 1", "package-lock.json", `{"lockfileVersion": 1, "dependencies": {"bcrypt": {"version": "5.1.1"}}}`, "bcrypt"},
		{"package.json", "package.json", `{"dependencies": {"bcrypt": "^5"}}`, "bcrypt"},
	} {
		got, ok := d.InLockfile(c.file, []byte(c.data))
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("%s: InLockfile(%s) = %q; want %q", c.why, c.file, got, c.want)
		}
	}
}
