export { audioSeconds } from "./audio-duration.js";
export { assertTranscriptionConfigured, createOpenAiTranscriber, NO_TRANSCRIPTION_PROVIDER, transcriberFromConfig, type AudioFile, type Transcriber, type Transcript } from "./transcription.js";
