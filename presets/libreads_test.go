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
		{`tls.LoadX509KeyPair("cert.pem", *keyPath)`, nil},
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
