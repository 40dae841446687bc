package presets

import (
	"slices"
	"testing"
)

// TestDjangoBaseDirSettings: Django's settings spelled from a name bound
// to a folder (review 24, finding C; BASE_DIR as InFileDir leaves it) are
// read as the literal settings are: an sqlite NAME joined to a literal is
// a write, STATIC_ROOT and MEDIA_ROOT are folders; a bare NAME (a server
// database's name) and a setting given by a call are neither.
func TestDjangoBaseDirSettings(t *testing.T) {
	ws := builtinPreset(t, "python").Writes.Sources
	const base = "import os\nBASE_DIR = \"/app\"\nDB = \"reports\"\n"
	cases := []struct {
		src            string
		writes, folder []string
	}{
		{base + "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}\n", []string{"/app/db.sqlite3"}, nil},
		{base + "DATABASES = {\n    'default': {\n        'NAME': os.path.join(BASE_DIR, 'data', 'db.sqlite3'),\n    }\n}\n", []string{"/app/data/db.sqlite3"}, nil},
		{base + "DATABASES = {'default': {'NAME': DB}}\n", nil, nil},
		{base + "# 'NAME': BASE_DIR / 'db.sqlite3',\n", nil, nil},
		{base + "STATIC_ROOT = os.path.join(BASE_DIR, 'staticfiles')\nMEDIA_ROOT = BASE_DIR / 'media'  # uploads\n", nil, []string{"/app/staticfiles", "/app/media"}},
		{base + "STATIC_ROOT = str(BASE_DIR / 'static')\n", nil, []string{"/app/static"}},
		{base + "STATIC_ROOT = os.environ.get('STATIC_ROOT')\nMEDIA_ROOT = UNBOUND / 'media'\n", nil, nil},
	}
	for _, c := range cases {
		var writes []string
		for _, w := range ws.WritesIn("settings.py", []byte(c.src), nil) {
			writes = append(writes, w.Path)
		}
		if !slices.Equal(writes, c.writes) {
			t.Errorf("WritesIn(%q) = %q, want %q", c.src, writes, c.writes)
		}
		if got := ws.FolderPathsIn("settings.py", []byte(c.src), nil); !slices.Equal(got, c.folder) {
			t.Errorf("FolderPathsIn(%q) = %q, want %q", c.src, got, c.folder)
		}
	}
}
