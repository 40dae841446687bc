#!/bin/sh
# waits for the Selenium hub, then runs the test suite with Maven
while [ "$(curl -s http://$HUB_HOST:4444/wd/hub/status | jq -r .value.ready )" != "true" ]
do
  sleep 1
done
mvn clean verify -DHUB_HOST=$HUB_HOST
