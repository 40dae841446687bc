package presets

import (
	"slices"
	"testing"
)

// TestGoLibraryUnnamedReads: go.yaml counts the library calls that open
// the file whose path they are given as reads by a path the source does
// not spell out when that path is no literal, each path argument (review
// 18, finding D); a literal path is no such read.
func TestGoLibraryUnnamedReads(t *testing.T) {
	rf := builtinPreset(t, "go").RunFiles
	for _, c := range []struct {
		call string
		want []string
	}{
		{`option.WithCredentialsFile(os.Getenv("FIREBASE_SERVICE_ACCOUNT_FILE"))`, []string{`os.Getenv("FIREBASE_SERVICE_ACCOUNT_FILE")`}},
		{`option.WithServiceAccountFile(cfg.KeyFile)`, []string{`cfg.KeyFile`}},
		{`option.WithCredentialsFile("sa.json")`, nil},
		{`tls.LoadX509KeyPair(certFile, keyFile)`, []string{`certFile`, `keyFile`}},
		{`tls.LoadX509KeyPair("cert.pem", *keyPath)`, []string{`*keyPath`}}, // a flag's value (h-left26)
		{`http.Dir(*public)`, []string{`*public`}},
		{`os.ReadFile(*path)`, []string{`*path`}},
		{`tls.LoadX509KeyPair("cert.pem", keyPath)`, []string{`keyPath`}},
		{`tls.LoadX509KeyPair("cert.pem", "key.pem")`, nil},
		{`credentials.NewClientTLSFromFile(caFile, "")`, []string{`caFile`}},
		{`credentials.NewServerTLSFromFile(conf.Cert, conf.Key)`, []string{`conf.Cert`, `conf.Key`}},
		{`http.ListenAndServeTLS(":443", certFile, keyFile, nil)`, []string{`certFile`}},
		{`http.ListenAndServeTLS(addr, "cert.pem", keyFile, nil)`, []string{`keyFile`}},
		{`http.ListenAndServeTLS(":443", "cert.pem", "key.pem", nil)`, nil},
		{`option.WithCredentialsJSON(key)`, nil},
		{`tls.X509KeyPair(certPEM, keyPEM)`, nil},
	} {
		src := []byte("package main\n\nfunc main() {\n\t_ = " + c.call + "\n}\n")
		var got []string
		for _, u := range rf.Unnamed(src) {
			if !slices.Contains(got, u.Text) {
				got = append(got, u.Text)
			}
		}
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: unnamed reads %q, want %q", c.call, got, want)
		}
	}
}

// TestJavaUnnamedReads: java.yaml counts java.io's file streams and
// java.nio.file.Files' readers on a path that is no literal as reads by
// a path the source does not spell out (review 18, finding D's Left).
func TestJavaUnnamedReads(t *testing.T) {
	rf := builtinPreset(t, "java").RunFiles
	for _, c := range []struct {
		call string
		want []string
	}{
		{`new FileInputStream(System.getenv("GOOGLE_APPLICATION_CREDENTIALS"))`, []string{`System.getenv("GOOGLE_APPLICATION_CREDENTIALS")`}},
		{`new FileReader(configPath)`, []string{`configPath`}},
		{`new RandomAccessFile(file, "r")`, []string{`file`}},
		{`new FileInputStream("sa.json")`, nil},
		{`Files.readString(Path.of(args[0]))`, []string{`Path.of(args[0])`}},
		{`new FileInputStream(args[0])`, []string{`args[0]`}},
		{`Files.readString(Path.of(dir))`, []string{`Path.of(dir)`}},
		{`Files.readAllBytes(Paths.get(props.getProperty("key.file")))`, []string{`Paths.get(props.getProperty("key.file"))`}},
		{`Files.lines(path)`, []string{`path`}},
		{`Files.readAllLines(Path.of("users.txt"))`, nil},
		{`Files.writeString(out, text)`, nil},
		{`new FileOutputStream(out)`, nil},
	} {
		src := []byte("class A {\n  void f() throws Exception {\n    var x = " + c.call + ";\n  }\n}\n")
		var got []string
		for _, u := range rf.Unnamed(src) {
			got = append(got, u.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.call, got, c.want)
		}
	}
}
