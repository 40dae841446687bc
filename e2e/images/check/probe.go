// probe runs inside the distroless replicas (built with CGO_ENABLED=0) and prints what a program
// sees there: its user, working folder, the user database, time zones, CA certificates, /tmp.
package main

import (
	"crypto/x509"
	"fmt"
	"os"
	"os/user"
	"time"
)

func main() {
	failed := false
	check := func(what string, err error) {
		if err != nil {
			fmt.Printf("FAIL %s: %v\n", what, err)
			failed = true
		}
	}
	wd, err := os.Getwd()
	check("getwd", err)
	fmt.Printf("uid=%d gid=%d wd=%s\n", os.Getuid(), os.Getgid(), wd)
	for _, id := range []string{"0", "65534", "65532"} {
		u, err := user.LookupId(id)
		check("lookup uid "+id, err)
		if err == nil {
			fmt.Printf("user %s=%s home=%s\n", id, u.Username, u.HomeDir)
		}
	}
	g, err := user.LookupGroup("nonroot")
	check("lookup group nonroot", err)
	if err == nil {
		fmt.Printf("group nonroot=%s\n", g.Gid)
	}
	for _, tz := range []string{"Europe/Paris", "America/New_York", "US/Eastern"} {
		_, err := time.LoadLocation(tz)
		check("zone "+tz, err)
	}
	pool, err := x509.SystemCertPool()
	check("system cert pool", err)
	if err == nil && len(pool.Subjects()) < 50 { //nolint:staticcheck // a count is all we need
		check("system cert pool", fmt.Errorf("only %d certificates", len(pool.Subjects())))
	}
	f, err := os.CreateTemp("", "probe")
	check("write to /tmp", err)
	if err == nil {
		f.Close()
		os.Remove(f.Name())
	}
	for _, p := range []string{"/bin/sh", "/usr/bin/dpkg", "/usr/bin/apt-get"} {
		if _, err := os.Lstat(p); err == nil {
			check(p, fmt.Errorf("present"))
		}
	}
	if failed {
		os.Exit(1)
	}
	fmt.Println("probe: ok")
}
