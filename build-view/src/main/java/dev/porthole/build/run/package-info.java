/** Running a workspace's build command ({@link dev.porthole.build.run.BuildRunner}) as configured in porthole.json ({@link dev.porthole.build.run.BuildConfig}). */
package dev.porthole.build.run;
