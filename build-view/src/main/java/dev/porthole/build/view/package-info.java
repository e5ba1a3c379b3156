/**
 * JavaFX views of the build and the layout, each a plain node the app embeds, with a view model that
 * holds all state and is tested without a toolkit: {@link dev.porthole.build.view.BuildLogView},
 * {@link dev.porthole.build.view.ProblemsView} (opening files through
 * {@link dev.porthole.build.view.ProblemNavigator}) and {@link dev.porthole.build.view.LayoutView}
 * ({@link dev.porthole.build.view.AddressBar}, {@link dev.porthole.build.view.Treemap},
 * {@link dev.porthole.build.view.SymbolTable}, diff, runtime map).
 */
package dev.porthole.build.view;
