package main

import (
	"context"
	"fmt"

	"github.com/docker/docker/api/types/events"
	"github.com/docker/docker/client"
)

func main() {
	// FromEnv falls back to unix:///var/run/docker.sock when DOCKER_HOST is unset.
	cli, err := client.NewClientWithOpts(client.FromEnv)
	if err != nil {
		panic(err)
	}
	msgs, errs := cli.Events(context.Background(), events.ListOptions{})
	for {
		select {
		case m := <-msgs:
			fmt.Println(m.Action, m.Actor.ID)
		case err := <-errs:
			panic(err)
		}
	}
}
