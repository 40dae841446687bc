module example.com/watcher

go 1.22

require github.com/docker/docker v26.1.0+incompatible
