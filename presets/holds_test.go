package presets

import "testing"

// The element must be at its path and hold every value itself (review
// 31, finding B): a plugin managed in <pluginManagement> is not one of
// <build><plugins>, and the values of two plugins do not add up.
func TestProjectElementHolds(t *testing.T) {
	plugin := ProjectElement{Element: "project/build/plugins/plugin", Has: DictOf(map[string]string{"artifactId": "spring-boot-maven-plugin", "executions/execution/goals/goal": "repackage"})}
	for _, c := range []struct {
		name, pom string
		want, ok  bool
	}{
		{"bound", `<project><build><plugins><plugin><artifactId> spring-boot-maven-plugin </artifactId><executions><execution><goals><goal>build-info</goal><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, true, true},
		{"managed only", `<project><build><pluginManagement><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></pluginManagement></build></project>`, false, true},
		{"values of two plugins", `<project><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin><plugin><artifactId>other</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, false, true},
		{"second plugin", `<project><build><plugins><plugin><artifactId>maven-resources-plugin</artifactId></plugin><plugin><artifactId>spring-boot-maven-plugin</artifactId><executions><execution><goals><goal>repackage</goal></goals></execution></executions></plugin></plugins></build></project>`, true, true},
		{"not XML", `<project><build></plugins>`, false, false},
	} {
		got, ok := plugin.Holds([]byte(c.pom))
		if got != c.want || ok != c.ok {
			t.Errorf("%s: Holds = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
