export * from "./realtime.schema.js";
export * from "./realtime-stream.schema.js";
export { DeferredPublisher, publishAfterCommit, publishEvent, type RealtimePublisher } from "./realtime.service.js";
export { createRedisRealtimePublisher, realtimeKey, realtimeSeqKey, REALTIME_BACKLOG } from "./realtime-redis.service.js";
export { createChannelHub, type ChannelHub, type ChannelListener } from "./realtime-hub.service.js";
export { createRealtimeHub, type OpenEventStreamOptions, type RealtimeHub } from "./realtime-stream.service.js";
export { topicsFor } from "./realtime-topics.service.js";
export { createStreamSlots, STREAM_SLOT_TTL_MS, type StreamSlot, type StreamSlots } from "./realtime-slots.service.js";
export { OPEN_REPLAY_MAX, readOpenReplay } from "./realtime-open-replay.service.js";
