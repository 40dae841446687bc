import { createApp } from "vue";

createApp({ template: "<h1>Dashboard</h1>" }).mount("#app");
