export * from "@atrium/core/contracts";
