// The DOCX bomb lives with the other hostile files in @atrium/core/testing (the api's tests use it too).
export { docxBomb } from "@atrium/core/testing";
