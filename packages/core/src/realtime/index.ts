export * from "./realtime.schema.js";
export { DeferredPublisher, publishAfterCommit, publishEvent, type RealtimePublisher } from "./realtime.service.js";
export { createRedisRealtimePublisher, realtimeKey, realtimeSeqKey, REALTIME_BACKLOG } from "./realtime-redis.service.js";
