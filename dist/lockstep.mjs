import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
import {
  DeviceView,
  InputTooDeepError,
  Pacer,
  SessionEndedError,
  SessionFullError,
  SessionRefusalError,
  accepted,
  authMessageSchema,
  badField,
  badMessage,
  badSpec,
  bearerSubprotocolPrefix,
  closeCodeSessionEnded,
  closeCodeTooSlow,
  closeCodeUnauthorized,
  cloudRefusal,
  commandMessageSchema,
  controlCommandSchema,
  inputCommandSchemas,
  isControlAction,
  isInputAction,
  liveSubprotocol,
  newestEntries,
  parseOptions,
  protocolLimits,
  rateLimits,
  refusal,
  refusalOfError,
  replayInPlace,
  subscribeMessageSchema
} from "./chunk-7OVZZ53O.mjs";
import {
  CloudError,
  Narrator,
  SimulatedClock,
  TopologyLimitError,
  VirtualClock,
  __commonJS,
  __require,
  __toESM,
  adminLevel,
  alertKinds,
  caseOfRun,
  channels,
  checkDeviceReferences,
  checkModeDefault,
  checkModes,
  checkRun,
  compareRuns,
  countRun,
  coverageReport,
  coverageVerdict,
  createActor,
  createTwin,
  defectCatalog,
  defectNames,
  describeCoverage,
  describeSite,
  emptyTally,
  errorTable,
  external_exports,
  failureFileOf,
  failureFileSchema,
  failuresDirDefault,
  features,
  formatDurationMs,
  generateCampusSpec,
  iqPinOf,
  iqSecretOf,
  isCoreChange,
  isDefectName,
  isSettling,
  isSiteName,
  issueMessage,
  jsonTextProblem,
  loadNamedScenario,
  loadNamedSite,
  looksLikeScenario,
  mergeTally,
  notificationRulesMax,
  parseScenario,
  parseSiteSpec,
  prepareRun,
  propertyNameOf,
  quietPeriodMs,
  readDurationMs,
  readJsonFile,
  replayFailure,
  requireFeature,
  requireLevel,
  roles,
  runCase,
  runMsMax,
  runPrepared,
  runScenario,
  scenarioInputsMax,
  scenarioNames,
  scenarioTailMs,
  scenarioUntilMs,
  scheduleRootPath,
  setup,
  shardRuns,
  siteNames,
  siteScenario,
  specErrorsFromIssues,
  startBackgroundTraffic,
  stepsDefault,
  stepsMax,
  summarizeRun,
  toTraceRecord,
  transitionCoverageMinPercentDefault,
  twinInputSchema,
  validateSchedule,
  writeFailureFile
} from "./chunk-CQWBGAMY.mjs";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description2) {
        this.description = description2 || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description2) {
        this.defaultValue = value;
        this.defaultValueDescription = description2;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description2) {
          return helper.formatItem(term, termWidth, description2, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description2, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description2) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description2)) {
          formattedDescription = description2;
        } else {
          const wrappedDescription = helper.boxWrap(description2, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description2) {
        this.flags = flags;
        this.description = description2 || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description2) {
        this.defaultValue = value;
        this.defaultValueDescription = description2;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description2) {
        return new Argument2(name, description2);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description2, parseArg, defaultValue) {
        const argument = this.createArgument(name, description2);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description2) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description2 ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description2) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description2) {
        return new Option2(flags, description2);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description2, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description2);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description2, parseArg, defaultValue) {
        return this._optionEx({}, flags, description2, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description2, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description2,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions2) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions2 = parseOptions2 || {};
        if (argv === void 0 && parseOptions2.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions2.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions2.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions2.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions2.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions2) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions2);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions2) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions2);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description2) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description2 = description2 || "output the version number";
        const versionOption = this.createOption(flags, description2);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description2) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description2 ?? "display help for command"
        );
        if (flags || description2) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position2, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position2)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position2}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match2;
        if ((match2 = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match2[1];
        } else if ((match2 = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match2[1];
          if (/^\d+$/.test(match2[3])) {
            debugPort = match2[3];
          } else {
            debugHost = match2[3];
          }
        } else if ((match2 = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match2[1];
          debugHost = match2[3];
          debugPort = match2[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description2) => new Option2(flags, description2);
    exports.createArgument = (name, description2) => new Argument2(name, description2);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/cli-progress/lib/eta.js
var require_eta = __commonJS({
  "node_modules/cli-progress/lib/eta.js"(exports, module) {
    var ETA = class {
      constructor(length, initTime, initValue) {
        this.etaBufferLength = length || 100;
        this.valueBuffer = [initValue];
        this.timeBuffer = [initTime];
        this.eta = "0";
      }
      // add new values to calculation buffer
      update(time, value, total) {
        this.valueBuffer.push(value);
        this.timeBuffer.push(time);
        this.calculate(total - value);
      }
      // fetch estimated time
      getTime() {
        return this.eta;
      }
      // eta calculation - request number of remaining events
      calculate(remaining) {
        const currentBufferSize = this.valueBuffer.length;
        const buffer = Math.min(this.etaBufferLength, currentBufferSize);
        const v_diff = this.valueBuffer[currentBufferSize - 1] - this.valueBuffer[currentBufferSize - buffer];
        const t_diff = this.timeBuffer[currentBufferSize - 1] - this.timeBuffer[currentBufferSize - buffer];
        const vt_rate = v_diff / t_diff;
        this.valueBuffer = this.valueBuffer.slice(-this.etaBufferLength);
        this.timeBuffer = this.timeBuffer.slice(-this.etaBufferLength);
        const eta = Math.ceil(remaining / vt_rate / 1e3);
        if (isNaN(eta)) {
          this.eta = "NULL";
        } else if (!isFinite(eta)) {
          this.eta = "INF";
        } else if (eta > 1e7) {
          this.eta = "INF";
        } else if (eta < 0) {
          this.eta = 0;
        } else {
          this.eta = eta;
        }
      }
    };
    module.exports = ETA;
  }
});

// node_modules/cli-progress/lib/terminal.js
var require_terminal = __commonJS({
  "node_modules/cli-progress/lib/terminal.js"(exports, module) {
    var _readline = __require("readline");
    var Terminal = class {
      constructor(outputStream) {
        this.stream = outputStream;
        this.linewrap = true;
        this.dy = 0;
      }
      // save cursor position + settings
      cursorSave() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B7");
      }
      // restore last cursor position + settings
      cursorRestore() {
        if (!this.stream.isTTY) {
          return;
        }
        this.stream.write("\x1B8");
      }
      // show/hide cursor
      cursor(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        if (enabled) {
          this.stream.write("\x1B[?25h");
        } else {
          this.stream.write("\x1B[?25l");
        }
      }
      // change cursor positionn
      cursorTo(x = null, y = null) {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.cursorTo(this.stream, x, y);
      }
      // change relative cursor position
      cursorRelative(dx = null, dy = null) {
        if (!this.stream.isTTY) {
          return;
        }
        this.dy = this.dy + dy;
        _readline.moveCursor(this.stream, dx, dy);
      }
      // relative reset
      cursorRelativeReset() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.moveCursor(this.stream, 0, -this.dy);
        _readline.cursorTo(this.stream, 0, null);
        this.dy = 0;
      }
      // clear to the right from cursor
      clearRight() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 1);
      }
      // clear the full line
      clearLine() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearLine(this.stream, 0);
      }
      // clear everyting beyond the current line
      clearBottom() {
        if (!this.stream.isTTY) {
          return;
        }
        _readline.clearScreenDown(this.stream);
      }
      // add new line; increment counter
      newline() {
        this.stream.write("\n");
        this.dy++;
      }
      // write content to output stream
      // @TODO use string-width to strip length
      write(s, rawWrite = false) {
        if (this.linewrap === true && rawWrite === false) {
          this.stream.write(s.substr(0, this.getWidth()));
        } else {
          this.stream.write(s);
        }
      }
      // control line wrapping
      lineWrapping(enabled) {
        if (!this.stream.isTTY) {
          return;
        }
        this.linewrap = enabled;
        if (enabled) {
          this.stream.write("\x1B[?7h");
        } else {
          this.stream.write("\x1B[?7l");
        }
      }
      // tty environment ?
      isTTY() {
        return this.stream.isTTY === true;
      }
      // get terminal width
      getWidth() {
        return this.stream.columns || (this.stream.isTTY ? 80 : 200);
      }
    };
    module.exports = Terminal;
  }
});

// node_modules/ansi-regex/index.js
var require_ansi_regex = __commonJS({
  "node_modules/ansi-regex/index.js"(exports, module) {
    "use strict";
    module.exports = ({ onlyFirst = false } = {}) => {
      const pattern = [
        "[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)",
        "(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))"
      ].join("|");
      return new RegExp(pattern, onlyFirst ? void 0 : "g");
    };
  }
});

// node_modules/strip-ansi/index.js
var require_strip_ansi = __commonJS({
  "node_modules/strip-ansi/index.js"(exports, module) {
    "use strict";
    var ansiRegex = require_ansi_regex();
    module.exports = (string) => typeof string === "string" ? string.replace(ansiRegex(), "") : string;
  }
});

// node_modules/is-fullwidth-code-point/index.js
var require_is_fullwidth_code_point = __commonJS({
  "node_modules/is-fullwidth-code-point/index.js"(exports, module) {
    "use strict";
    var isFullwidthCodePoint = (codePoint) => {
      if (Number.isNaN(codePoint)) {
        return false;
      }
      if (codePoint >= 4352 && (codePoint <= 4447 || // Hangul Jamo
      codePoint === 9001 || // LEFT-POINTING ANGLE BRACKET
      codePoint === 9002 || // RIGHT-POINTING ANGLE BRACKET
      // CJK Radicals Supplement .. Enclosed CJK Letters and Months
      11904 <= codePoint && codePoint <= 12871 && codePoint !== 12351 || // Enclosed CJK Letters and Months .. CJK Unified Ideographs Extension A
      12880 <= codePoint && codePoint <= 19903 || // CJK Unified Ideographs .. Yi Radicals
      19968 <= codePoint && codePoint <= 42182 || // Hangul Jamo Extended-A
      43360 <= codePoint && codePoint <= 43388 || // Hangul Syllables
      44032 <= codePoint && codePoint <= 55203 || // CJK Compatibility Ideographs
      63744 <= codePoint && codePoint <= 64255 || // Vertical Forms
      65040 <= codePoint && codePoint <= 65049 || // CJK Compatibility Forms .. Small Form Variants
      65072 <= codePoint && codePoint <= 65131 || // Halfwidth and Fullwidth Forms
      65281 <= codePoint && codePoint <= 65376 || 65504 <= codePoint && codePoint <= 65510 || // Kana Supplement
      110592 <= codePoint && codePoint <= 110593 || // Enclosed Ideographic Supplement
      127488 <= codePoint && codePoint <= 127569 || // CJK Unified Ideographs Extension B .. Tertiary Ideographic Plane
      131072 <= codePoint && codePoint <= 262141)) {
        return true;
      }
      return false;
    };
    module.exports = isFullwidthCodePoint;
    module.exports.default = isFullwidthCodePoint;
  }
});

// node_modules/emoji-regex/index.js
var require_emoji_regex = __commonJS({
  "node_modules/emoji-regex/index.js"(exports, module) {
    "use strict";
    module.exports = function() {
      return /\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62(?:\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67|\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74|\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73)\uDB40\uDC7F|\uD83D\uDC68(?:\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68\uD83C\uDFFB|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFE])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D)?\uD83D\uDC68|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D[\uDC68\uDC69])\u200D(?:\uD83D[\uDC66\uDC67])|[\u2695\u2696\u2708]\uFE0F|\uD83D[\uDC66\uDC67]|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|(?:\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708])\uFE0F|\uD83C\uDFFB\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C[\uDFFB-\uDFFF])|(?:\uD83E\uDDD1\uD83C\uDFFB\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)\uD83C\uDFFB|\uD83E\uDDD1(?:\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1)|(?:\uD83E\uDDD1\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D(?:\uD83D[\uDC68\uDC69]))(?:\uD83C[\uDFFB-\uDFFE])|(?:\uD83E\uDDD1\uD83C\uDFFC\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB\uDFFC])|\uD83D\uDC69(?:\uD83C\uDFFE\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB-\uDFFD\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFC\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFD-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFB\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFC-\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFD\u200D(?:\uD83E\uDD1D\u200D\uD83D\uDC68(?:\uD83C[\uDFFB\uDFFC\uDFFE\uDFFF])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\u200D(?:\u2764\uFE0F\u200D(?:\uD83D\uDC8B\u200D(?:\uD83D[\uDC68\uDC69])|\uD83D[\uDC68\uDC69])|\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD])|\uD83C\uDFFF\u200D(?:\uD83C[\uDF3E\uDF73\uDF93\uDFA4\uDFA8\uDFEB\uDFED]|\uD83D[\uDCBB\uDCBC\uDD27\uDD2C\uDE80\uDE92]|\uD83E[\uDDAF-\uDDB3\uDDBC\uDDBD]))|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67]))|(?:\uD83E\uDDD1\uD83C\uDFFD\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1|\uD83D\uDC69\uD83C\uDFFE\u200D\uD83E\uDD1D\u200D\uD83D\uDC69)(?:\uD83C[\uDFFB-\uDFFD])|\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC69\u200D(?:\uD83D[\uDC66\uDC67])|(?:\uD83D\uDC41\uFE0F\u200D\uD83D\uDDE8|\uD83D\uDC69(?:\uD83C\uDFFF\u200D[\u2695\u2696\u2708]|\uD83C\uDFFE\u200D[\u2695\u2696\u2708]|\uD83C\uDFFC\u200D[\u2695\u2696\u2708]|\uD83C\uDFFB\u200D[\u2695\u2696\u2708]|\uD83C\uDFFD\u200D[\u2695\u2696\u2708]|\u200D[\u2695\u2696\u2708])|(?:(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)\uFE0F|\uD83D\uDC6F|\uD83E[\uDD3C\uDDDE\uDDDF])\u200D[\u2640\u2642]|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:(?:\uD83C[\uDFFB-\uDFFF])\u200D[\u2640\u2642]|\u200D[\u2640\u2642])|\uD83C\uDFF4\u200D\u2620)\uFE0F|\uD83D\uDC69\u200D\uD83D\uDC67\u200D(?:\uD83D[\uDC66\uDC67])|\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08|\uD83D\uDC15\u200D\uD83E\uDDBA|\uD83D\uDC69\u200D\uD83D\uDC66|\uD83D\uDC69\u200D\uD83D\uDC67|\uD83C\uDDFD\uD83C\uDDF0|\uD83C\uDDF4\uD83C\uDDF2|\uD83C\uDDF6\uD83C\uDDE6|[#\*0-9]\uFE0F\u20E3|\uD83C\uDDE7(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEF\uDDF1-\uDDF4\uDDF6-\uDDF9\uDDFB\uDDFC\uDDFE\uDDFF])|\uD83C\uDDF9(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDED\uDDEF-\uDDF4\uDDF7\uDDF9\uDDFB\uDDFC\uDDFF])|\uD83C\uDDEA(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDED\uDDF7-\uDDFA])|\uD83E\uDDD1(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF7(?:\uD83C[\uDDEA\uDDF4\uDDF8\uDDFA\uDDFC])|\uD83D\uDC69(?:\uD83C[\uDFFB-\uDFFF])|\uD83C\uDDF2(?:\uD83C[\uDDE6\uDDE8-\uDDED\uDDF0-\uDDFF])|\uD83C\uDDE6(?:\uD83C[\uDDE8-\uDDEC\uDDEE\uDDF1\uDDF2\uDDF4\uDDF6-\uDDFA\uDDFC\uDDFD\uDDFF])|\uD83C\uDDF0(?:\uD83C[\uDDEA\uDDEC-\uDDEE\uDDF2\uDDF3\uDDF5\uDDF7\uDDFC\uDDFE\uDDFF])|\uD83C\uDDED(?:\uD83C[\uDDF0\uDDF2\uDDF3\uDDF7\uDDF9\uDDFA])|\uD83C\uDDE9(?:\uD83C[\uDDEA\uDDEC\uDDEF\uDDF0\uDDF2\uDDF4\uDDFF])|\uD83C\uDDFE(?:\uD83C[\uDDEA\uDDF9])|\uD83C\uDDEC(?:\uD83C[\uDDE6\uDDE7\uDDE9-\uDDEE\uDDF1-\uDDF3\uDDF5-\uDDFA\uDDFC\uDDFE])|\uD83C\uDDF8(?:\uD83C[\uDDE6-\uDDEA\uDDEC-\uDDF4\uDDF7-\uDDF9\uDDFB\uDDFD-\uDDFF])|\uD83C\uDDEB(?:\uD83C[\uDDEE-\uDDF0\uDDF2\uDDF4\uDDF7])|\uD83C\uDDF5(?:\uD83C[\uDDE6\uDDEA-\uDDED\uDDF0-\uDDF3\uDDF7-\uDDF9\uDDFC\uDDFE])|\uD83C\uDDFB(?:\uD83C[\uDDE6\uDDE8\uDDEA\uDDEC\uDDEE\uDDF3\uDDFA])|\uD83C\uDDF3(?:\uD83C[\uDDE6\uDDE8\uDDEA-\uDDEC\uDDEE\uDDF1\uDDF4\uDDF5\uDDF7\uDDFA\uDDFF])|\uD83C\uDDE8(?:\uD83C[\uDDE6\uDDE8\uDDE9\uDDEB-\uDDEE\uDDF0-\uDDF5\uDDF7\uDDFA-\uDDFF])|\uD83C\uDDF1(?:\uD83C[\uDDE6-\uDDE8\uDDEE\uDDF0\uDDF7-\uDDFB\uDDFE])|\uD83C\uDDFF(?:\uD83C[\uDDE6\uDDF2\uDDFC])|\uD83C\uDDFC(?:\uD83C[\uDDEB\uDDF8])|\uD83C\uDDFA(?:\uD83C[\uDDE6\uDDEC\uDDF2\uDDF3\uDDF8\uDDFE\uDDFF])|\uD83C\uDDEE(?:\uD83C[\uDDE8-\uDDEA\uDDF1-\uDDF4\uDDF6-\uDDF9])|\uD83C\uDDEF(?:\uD83C[\uDDEA\uDDF2\uDDF4\uDDF5])|(?:\uD83C[\uDFC3\uDFC4\uDFCA]|\uD83D[\uDC6E\uDC71\uDC73\uDC77\uDC81\uDC82\uDC86\uDC87\uDE45-\uDE47\uDE4B\uDE4D\uDE4E\uDEA3\uDEB4-\uDEB6]|\uD83E[\uDD26\uDD37-\uDD39\uDD3D\uDD3E\uDDB8\uDDB9\uDDCD-\uDDCF\uDDD6-\uDDDD])(?:\uD83C[\uDFFB-\uDFFF])|(?:\u26F9|\uD83C[\uDFCB\uDFCC]|\uD83D\uDD75)(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u261D\u270A-\u270D]|\uD83C[\uDF85\uDFC2\uDFC7]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66\uDC67\uDC6B-\uDC6D\uDC70\uDC72\uDC74-\uDC76\uDC78\uDC7C\uDC83\uDC85\uDCAA\uDD74\uDD7A\uDD90\uDD95\uDD96\uDE4C\uDE4F\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1C\uDD1E\uDD1F\uDD30-\uDD36\uDDB5\uDDB6\uDDBB\uDDD2-\uDDD5])(?:\uD83C[\uDFFB-\uDFFF])|(?:[\u231A\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B\u2B1C\u2B50\u2B55]|\uD83C[\uDC04\uDCCF\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE1A\uDE2F\uDE32-\uDE36\uDE38-\uDE3A\uDE50\uDE51\uDF00-\uDF20\uDF2D-\uDF35\uDF37-\uDF7C\uDF7E-\uDF93\uDFA0-\uDFCA\uDFCF-\uDFD3\uDFE0-\uDFF0\uDFF4\uDFF8-\uDFFF]|\uD83D[\uDC00-\uDC3E\uDC40\uDC42-\uDCFC\uDCFF-\uDD3D\uDD4B-\uDD4E\uDD50-\uDD67\uDD7A\uDD95\uDD96\uDDA4\uDDFB-\uDE4F\uDE80-\uDEC5\uDECC\uDED0-\uDED2\uDED5\uDEEB\uDEEC\uDEF4-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])|(?:[#\*0-9\xA9\xAE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA\u231A\u231B\u2328\u23CF\u23E9-\u23F3\u23F8-\u23FA\u24C2\u25AA\u25AB\u25B6\u25C0\u25FB-\u25FE\u2600-\u2604\u260E\u2611\u2614\u2615\u2618\u261D\u2620\u2622\u2623\u2626\u262A\u262E\u262F\u2638-\u263A\u2640\u2642\u2648-\u2653\u265F\u2660\u2663\u2665\u2666\u2668\u267B\u267E\u267F\u2692-\u2697\u2699\u269B\u269C\u26A0\u26A1\u26AA\u26AB\u26B0\u26B1\u26BD\u26BE\u26C4\u26C5\u26C8\u26CE\u26CF\u26D1\u26D3\u26D4\u26E9\u26EA\u26F0-\u26F5\u26F7-\u26FA\u26FD\u2702\u2705\u2708-\u270D\u270F\u2712\u2714\u2716\u271D\u2721\u2728\u2733\u2734\u2744\u2747\u274C\u274E\u2753-\u2755\u2757\u2763\u2764\u2795-\u2797\u27A1\u27B0\u27BF\u2934\u2935\u2B05-\u2B07\u2B1B\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299]|\uD83C[\uDC04\uDCCF\uDD70\uDD71\uDD7E\uDD7F\uDD8E\uDD91-\uDD9A\uDDE6-\uDDFF\uDE01\uDE02\uDE1A\uDE2F\uDE32-\uDE3A\uDE50\uDE51\uDF00-\uDF21\uDF24-\uDF93\uDF96\uDF97\uDF99-\uDF9B\uDF9E-\uDFF0\uDFF3-\uDFF5\uDFF7-\uDFFF]|\uD83D[\uDC00-\uDCFD\uDCFF-\uDD3D\uDD49-\uDD4E\uDD50-\uDD67\uDD6F\uDD70\uDD73-\uDD7A\uDD87\uDD8A-\uDD8D\uDD90\uDD95\uDD96\uDDA4\uDDA5\uDDA8\uDDB1\uDDB2\uDDBC\uDDC2-\uDDC4\uDDD1-\uDDD3\uDDDC-\uDDDE\uDDE1\uDDE3\uDDE8\uDDEF\uDDF3\uDDFA-\uDE4F\uDE80-\uDEC5\uDECB-\uDED2\uDED5\uDEE0-\uDEE5\uDEE9\uDEEB\uDEEC\uDEF0\uDEF3-\uDEFA\uDFE0-\uDFEB]|\uD83E[\uDD0D-\uDD3A\uDD3C-\uDD45\uDD47-\uDD71\uDD73-\uDD76\uDD7A-\uDDA2\uDDA5-\uDDAA\uDDAE-\uDDCA\uDDCD-\uDDFF\uDE70-\uDE73\uDE78-\uDE7A\uDE80-\uDE82\uDE90-\uDE95])\uFE0F|(?:[\u261D\u26F9\u270A-\u270D]|\uD83C[\uDF85\uDFC2-\uDFC4\uDFC7\uDFCA-\uDFCC]|\uD83D[\uDC42\uDC43\uDC46-\uDC50\uDC66-\uDC78\uDC7C\uDC81-\uDC83\uDC85-\uDC87\uDC8F\uDC91\uDCAA\uDD74\uDD75\uDD7A\uDD90\uDD95\uDD96\uDE45-\uDE47\uDE4B-\uDE4F\uDEA3\uDEB4-\uDEB6\uDEC0\uDECC]|\uD83E[\uDD0F\uDD18-\uDD1F\uDD26\uDD30-\uDD39\uDD3C-\uDD3E\uDDB5\uDDB6\uDDB8\uDDB9\uDDBB\uDDCD-\uDDCF\uDDD1-\uDDDD])/g;
    };
  }
});

// node_modules/string-width/index.js
var require_string_width = __commonJS({
  "node_modules/string-width/index.js"(exports, module) {
    "use strict";
    var stripAnsi = require_strip_ansi();
    var isFullwidthCodePoint = require_is_fullwidth_code_point();
    var emojiRegex = require_emoji_regex();
    var stringWidth = (string) => {
      if (typeof string !== "string" || string.length === 0) {
        return 0;
      }
      string = stripAnsi(string);
      if (string.length === 0) {
        return 0;
      }
      string = string.replace(emojiRegex(), "  ");
      let width = 0;
      for (let i = 0; i < string.length; i++) {
        const code = string.codePointAt(i);
        if (code <= 31 || code >= 127 && code <= 159) {
          continue;
        }
        if (code >= 768 && code <= 879) {
          continue;
        }
        if (code > 65535) {
          i++;
        }
        width += isFullwidthCodePoint(code) ? 2 : 1;
      }
      return width;
    };
    module.exports = stringWidth;
    module.exports.default = stringWidth;
  }
});

// node_modules/cli-progress/lib/format-value.js
var require_format_value = __commonJS({
  "node_modules/cli-progress/lib/format-value.js"(exports, module) {
    module.exports = function formatValue(v, options, type) {
      if (options.autopadding !== true) {
        return v;
      }
      function autopadding(value, length) {
        return (options.autopaddingChar + value).slice(-length);
      }
      switch (type) {
        case "percentage":
          return autopadding(v, 3);
        default:
          return v;
      }
    };
  }
});

// node_modules/cli-progress/lib/format-bar.js
var require_format_bar = __commonJS({
  "node_modules/cli-progress/lib/format-bar.js"(exports, module) {
    module.exports = function formatBar(progress, options) {
      const completeSize = Math.round(progress * options.barsize);
      const incompleteSize = options.barsize - completeSize;
      return options.barCompleteString.substr(0, completeSize) + options.barGlue + options.barIncompleteString.substr(0, incompleteSize);
    };
  }
});

// node_modules/cli-progress/lib/format-time.js
var require_format_time = __commonJS({
  "node_modules/cli-progress/lib/format-time.js"(exports, module) {
    module.exports = function formatTime(t, options, roundToMultipleOf) {
      function round2(input) {
        if (roundToMultipleOf) {
          return roundToMultipleOf * Math.round(input / roundToMultipleOf);
        } else {
          return input;
        }
      }
      function autopadding(v) {
        return (options.autopaddingChar + v).slice(-2);
      }
      if (t > 3600) {
        return autopadding(Math.floor(t / 3600)) + "h" + autopadding(round2(t % 3600 / 60)) + "m";
      } else if (t > 60) {
        return autopadding(Math.floor(t / 60)) + "m" + autopadding(round2(t % 60)) + "s";
      } else if (t > 10) {
        return autopadding(round2(t)) + "s";
      } else {
        return autopadding(t) + "s";
      }
    };
  }
});

// node_modules/cli-progress/lib/formatter.js
var require_formatter = __commonJS({
  "node_modules/cli-progress/lib/formatter.js"(exports, module) {
    var _stringWidth = require_string_width();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module.exports = function defaultFormatter(options, params, payload) {
      let s = options.format;
      const formatTime = options.formatTime || _defaultFormatTime;
      const formatValue = options.formatValue || _defaultFormatValue;
      const formatBar = options.formatBar || _defaultFormatBar;
      const percentage = Math.floor(params.progress * 100) + "";
      const stopTime = params.stopTime || Date.now();
      const elapsedTime = Math.round((stopTime - params.startTime) / 1e3);
      const context = Object.assign({}, payload, {
        bar: formatBar(params.progress, options),
        percentage: formatValue(percentage, options, "percentage"),
        total: formatValue(params.total, options, "total"),
        value: formatValue(params.value, options, "value"),
        eta: formatValue(params.eta, options, "eta"),
        eta_formatted: formatTime(params.eta, options, 5),
        duration: formatValue(elapsedTime, options, "duration"),
        duration_formatted: formatTime(elapsedTime, options, 1)
      });
      s = s.replace(/\{(\w+)\}/g, function(match2, key) {
        if (typeof context[key] !== "undefined") {
          return context[key];
        }
        return match2;
      });
      const fullMargin = Math.max(0, params.maxWidth - _stringWidth(s) - 2);
      const halfMargin = Math.floor(fullMargin / 2);
      switch (options.align) {
        // fill start-of-line with whitespaces
        case "right":
          s = fullMargin > 0 ? " ".repeat(fullMargin) + s : s;
          break;
        // distribute whitespaces to left+right
        case "center":
          s = halfMargin > 0 ? " ".repeat(halfMargin) + s : s;
          break;
        // default: left align, no additional whitespaces
        case "left":
        default:
          break;
      }
      return s;
    };
  }
});

// node_modules/cli-progress/lib/options.js
var require_options = __commonJS({
  "node_modules/cli-progress/lib/options.js"(exports, module) {
    function mergeOption(v, defaultValue) {
      if (typeof v === "undefined" || v === null) {
        return defaultValue;
      } else {
        return v;
      }
    }
    module.exports = {
      // set global options
      parse: function parse(rawOptions, preset) {
        const options = {};
        const opt = Object.assign({}, preset, rawOptions);
        options.throttleTime = 1e3 / mergeOption(opt.fps, 10);
        options.stream = mergeOption(opt.stream, process.stderr);
        options.terminal = mergeOption(opt.terminal, null);
        options.clearOnComplete = mergeOption(opt.clearOnComplete, false);
        options.stopOnComplete = mergeOption(opt.stopOnComplete, false);
        options.barsize = mergeOption(opt.barsize, 40);
        options.align = mergeOption(opt.align, "left");
        options.hideCursor = mergeOption(opt.hideCursor, false);
        options.linewrap = mergeOption(opt.linewrap, false);
        options.barGlue = mergeOption(opt.barGlue, "");
        options.barCompleteChar = mergeOption(opt.barCompleteChar, "=");
        options.barIncompleteChar = mergeOption(opt.barIncompleteChar, "-");
        options.format = mergeOption(opt.format, "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}");
        options.formatTime = mergeOption(opt.formatTime, null);
        options.formatValue = mergeOption(opt.formatValue, null);
        options.formatBar = mergeOption(opt.formatBar, null);
        options.etaBufferLength = mergeOption(opt.etaBuffer, 10);
        options.etaAsynchronousUpdate = mergeOption(opt.etaAsynchronousUpdate, false);
        options.progressCalculationRelative = mergeOption(opt.progressCalculationRelative, false);
        options.synchronousUpdate = mergeOption(opt.synchronousUpdate, true);
        options.noTTYOutput = mergeOption(opt.noTTYOutput, false);
        options.notTTYSchedule = mergeOption(opt.notTTYSchedule, 2e3);
        options.emptyOnZero = mergeOption(opt.emptyOnZero, false);
        options.forceRedraw = mergeOption(opt.forceRedraw, false);
        options.autopadding = mergeOption(opt.autopadding, false);
        options.gracefulExit = mergeOption(opt.gracefulExit, false);
        return options;
      },
      // derived options: instance specific, has to be created for every bar element
      assignDerivedOptions: function assignDerivedOptions(options) {
        options.barCompleteString = options.barCompleteChar.repeat(options.barsize + 1);
        options.barIncompleteString = options.barIncompleteChar.repeat(options.barsize + 1);
        options.autopaddingChar = options.autopadding ? mergeOption(options.autopaddingChar, "   ") : "";
        return options;
      }
    };
  }
});

// node_modules/cli-progress/lib/generic-bar.js
var require_generic_bar = __commonJS({
  "node_modules/cli-progress/lib/generic-bar.js"(exports, module) {
    var _ETA = require_eta();
    var _Terminal = require_terminal();
    var _formatter = require_formatter();
    var _options = require_options();
    var _EventEmitter = __require("events");
    module.exports = class GenericBar extends _EventEmitter {
      constructor(options) {
        super();
        this.options = _options.assignDerivedOptions(options);
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.value = 0;
        this.startValue = 0;
        this.total = 100;
        this.lastDrawnString = null;
        this.startTime = null;
        this.stopTime = null;
        this.lastRedraw = Date.now();
        this.eta = new _ETA(this.options.etaBufferLength, 0, 0);
        this.payload = {};
        this.isActive = false;
        this.formatter = typeof this.options.format === "function" ? this.options.format : _formatter;
      }
      // internal render function
      render(forceRendering = false) {
        const params = {
          progress: this.getProgress(),
          eta: this.eta.getTime(),
          startTime: this.startTime,
          stopTime: this.stopTime,
          total: this.total,
          value: this.value,
          maxWidth: this.terminal.getWidth()
        };
        if (this.options.etaAsynchronousUpdate) {
          this.updateETA();
        }
        const s = this.formatter(this.options, params, this.payload);
        const forceRedraw = forceRendering || this.options.forceRedraw || this.options.noTTYOutput && !this.terminal.isTTY();
        if (forceRedraw || this.lastDrawnString != s) {
          this.emit("redraw-pre");
          this.terminal.cursorTo(0, null);
          this.terminal.write(s);
          this.terminal.clearRight();
          this.lastDrawnString = s;
          this.lastRedraw = Date.now();
          this.emit("redraw-post");
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        this.value = startValue || 0;
        this.total = typeof total !== "undefined" && total >= 0 ? total : 100;
        this.startValue = startValue || 0;
        this.payload = payload || {};
        this.startTime = Date.now();
        this.stopTime = null;
        this.lastDrawnString = "";
        this.eta = new _ETA(this.options.etaBufferLength, this.startTime, this.value);
        this.isActive = true;
        this.emit("start", total, startValue);
      }
      // stop the bar
      stop() {
        this.isActive = false;
        this.stopTime = Date.now();
        this.emit("stop", this.total, this.value);
      }
      // update the bar value
      // update(value, payload)
      // update(payload)
      update(arg0, arg1 = {}) {
        if (typeof arg0 === "number") {
          this.value = arg0;
          this.eta.update(Date.now(), arg0, this.total);
        }
        const payloadData = (typeof arg0 === "object" ? arg0 : arg1) || {};
        this.emit("update", this.total, this.value);
        for (const key in payloadData) {
          this.payload[key] = payloadData[key];
        }
        if (this.value >= this.getTotal() && this.options.stopOnComplete) {
          this.stop();
        }
      }
      // calculate the actual progress value
      getProgress() {
        let progress = this.value / this.total;
        if (this.options.progressCalculationRelative) {
          progress = (this.value - this.startValue) / (this.total - this.startValue);
        }
        if (isNaN(progress)) {
          progress = this.options && this.options.emptyOnZero ? 0 : 1;
        }
        progress = Math.min(Math.max(progress, 0), 1);
        return progress;
      }
      // update the bar value
      // increment(delta, payload)
      // increment(payload)
      increment(arg0 = 1, arg1 = {}) {
        if (typeof arg0 === "object") {
          this.update(this.value + 1, arg0);
        } else {
          this.update(this.value + arg0, arg1);
        }
      }
      // get the total (limit) value
      getTotal() {
        return this.total;
      }
      // set the total (limit) value
      setTotal(total) {
        if (typeof total !== "undefined" && total >= 0) {
          this.total = total;
        }
      }
      // force eta calculation update (long running processes)
      updateETA() {
        this.eta.update(Date.now(), this.value, this.total);
      }
    };
  }
});

// node_modules/cli-progress/lib/single-bar.js
var require_single_bar = __commonJS({
  "node_modules/cli-progress/lib/single-bar.js"(exports, module) {
    var _GenericBar = require_generic_bar();
    var _options = require_options();
    module.exports = class SingleBar extends _GenericBar {
      constructor(options, preset) {
        super(_options.parse(options, preset));
        this.timer = null;
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.options.synchronousUpdate = false;
        }
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.sigintCallback = null;
      }
      // internal render function
      render() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        super.render();
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
        }
        this.timer = setTimeout(this.render.bind(this), this.schedulingRate);
      }
      update(current, payload) {
        if (!this.timer) {
          return;
        }
        super.update(current, payload);
        if (this.options.synchronousUpdate && this.lastRedraw + this.options.throttleTime * 2 < Date.now()) {
          this.render();
        }
      }
      // start the progress bar
      start(total, startValue, payload) {
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        this.terminal.cursorSave();
        if (this.options.hideCursor === true) {
          this.terminal.cursor(false);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(false);
        }
        super.start(total, startValue, payload);
        this.render();
      }
      // stop the bar
      stop() {
        if (!this.timer) {
          return;
        }
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.render();
        super.stop();
        clearTimeout(this.timer);
        this.timer = null;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRestore();
        if (this.options.clearOnComplete) {
          this.terminal.cursorTo(0, null);
          this.terminal.clearLine();
        } else {
          this.terminal.newline();
        }
      }
    };
  }
});

// node_modules/cli-progress/lib/multi-bar.js
var require_multi_bar = __commonJS({
  "node_modules/cli-progress/lib/multi-bar.js"(exports, module) {
    var _Terminal = require_terminal();
    var _BarElement = require_generic_bar();
    var _options = require_options();
    var _EventEmitter = __require("events");
    module.exports = class MultiBar extends _EventEmitter {
      constructor(options, preset) {
        super();
        this.bars = [];
        this.options = _options.parse(options, preset);
        this.options.synchronousUpdate = false;
        this.terminal = this.options.terminal ? this.options.terminal : new _Terminal(this.options.stream);
        this.timer = null;
        this.isActive = false;
        this.schedulingRate = this.terminal.isTTY() ? this.options.throttleTime : this.options.notTTYSchedule;
        this.loggingBuffer = [];
        this.sigintCallback = null;
      }
      // add a new bar to the stack
      create(total, startValue, payload, barOptions = {}) {
        const bar = new _BarElement(Object.assign(
          {},
          // global options
          this.options,
          // terminal instance
          {
            terminal: this.terminal
          },
          // overrides
          barOptions
        ));
        this.bars.push(bar);
        if (this.options.noTTYOutput === false && this.terminal.isTTY() === false) {
          return bar;
        }
        if (this.sigintCallback === null && this.options.gracefulExit) {
          this.sigintCallback = this.stop.bind(this);
          process.once("SIGINT", this.sigintCallback);
          process.once("SIGTERM", this.sigintCallback);
        }
        if (!this.isActive) {
          if (this.options.hideCursor === true) {
            this.terminal.cursor(false);
          }
          if (this.options.linewrap === false) {
            this.terminal.lineWrapping(false);
          }
          this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        }
        this.isActive = true;
        bar.start(total, startValue, payload);
        this.emit("start");
        return bar;
      }
      // remove a bar from the stack
      remove(bar) {
        const index = this.bars.indexOf(bar);
        if (index < 0) {
          return false;
        }
        this.bars.splice(index, 1);
        this.update();
        this.terminal.newline();
        this.terminal.clearBottom();
        return true;
      }
      // internal update routine
      update() {
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = null;
        }
        this.emit("update-pre");
        this.terminal.cursorRelativeReset();
        this.emit("redraw-pre");
        if (this.loggingBuffer.length > 0) {
          this.terminal.clearLine();
          while (this.loggingBuffer.length > 0) {
            this.terminal.write(this.loggingBuffer.shift(), true);
          }
        }
        for (let i = 0; i < this.bars.length; i++) {
          if (i > 0) {
            this.terminal.newline();
          }
          this.bars[i].render();
        }
        this.emit("redraw-post");
        if (this.options.noTTYOutput && this.terminal.isTTY() === false) {
          this.terminal.newline();
          this.terminal.newline();
        }
        this.timer = setTimeout(this.update.bind(this), this.schedulingRate);
        this.emit("update-post");
        if (this.options.stopOnComplete && !this.bars.find((bar) => bar.isActive)) {
          this.stop();
        }
      }
      stop() {
        clearTimeout(this.timer);
        this.timer = null;
        if (this.sigintCallback) {
          process.removeListener("SIGINT", this.sigintCallback);
          process.removeListener("SIGTERM", this.sigintCallback);
          this.sigintCallback = null;
        }
        this.isActive = false;
        if (this.options.hideCursor === true) {
          this.terminal.cursor(true);
        }
        if (this.options.linewrap === false) {
          this.terminal.lineWrapping(true);
        }
        this.terminal.cursorRelativeReset();
        this.emit("stop-pre-clear");
        if (this.options.clearOnComplete) {
          this.terminal.clearBottom();
        } else {
          for (let i = 0; i < this.bars.length; i++) {
            if (i > 0) {
              this.terminal.newline();
            }
            this.bars[i].render();
            this.bars[i].stop();
          }
          this.terminal.newline();
        }
        this.emit("stop");
      }
      log(s) {
        this.loggingBuffer.push(s);
      }
    };
  }
});

// node_modules/cli-progress/presets/legacy.js
var require_legacy = __commonJS({
  "node_modules/cli-progress/presets/legacy.js"(exports, module) {
    module.exports = {
      format: "progress [{bar}] {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "=",
      barIncompleteChar: "-"
    };
  }
});

// node_modules/cli-progress/presets/shades-classic.js
var require_shades_classic = __commonJS({
  "node_modules/cli-progress/presets/shades-classic.js"(exports, module) {
    module.exports = {
      format: " {bar} {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/shades-grey.js
var require_shades_grey = __commonJS({
  "node_modules/cli-progress/presets/shades-grey.js"(exports, module) {
    module.exports = {
      format: " \x1B[90m{bar}\x1B[0m {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u2588",
      barIncompleteChar: "\u2591"
    };
  }
});

// node_modules/cli-progress/presets/rect.js
var require_rect = __commonJS({
  "node_modules/cli-progress/presets/rect.js"(exports, module) {
    module.exports = {
      format: " {bar}\u25A0 {percentage}% | ETA: {eta}s | {value}/{total}",
      barCompleteChar: "\u25A0",
      barIncompleteChar: " "
    };
  }
});

// node_modules/cli-progress/presets/index.js
var require_presets = __commonJS({
  "node_modules/cli-progress/presets/index.js"(exports, module) {
    var _legacy = require_legacy();
    var _shades_classic = require_shades_classic();
    var _shades_grey = require_shades_grey();
    var _rect = require_rect();
    module.exports = {
      legacy: _legacy,
      shades_classic: _shades_classic,
      shades_grey: _shades_grey,
      rect: _rect
    };
  }
});

// node_modules/cli-progress/cli-progress.js
var require_cli_progress = __commonJS({
  "node_modules/cli-progress/cli-progress.js"(exports, module) {
    var _SingleBar = require_single_bar();
    var _MultiBar = require_multi_bar();
    var _Presets = require_presets();
    var _Formatter = require_formatter();
    var _defaultFormatValue = require_format_value();
    var _defaultFormatBar = require_format_bar();
    var _defaultFormatTime = require_format_time();
    module.exports = {
      Bar: _SingleBar,
      SingleBar: _SingleBar,
      MultiBar: _MultiBar,
      Presets: _Presets,
      Format: {
        Formatter: _Formatter,
        BarFormat: _defaultFormatBar,
        ValueFormat: _defaultFormatValue,
        TimeFormat: _defaultFormatTime
      }
    };
  }
});

// node_modules/ws/lib/constants.js
var require_constants = __commonJS({
  "node_modules/ws/lib/constants.js"(exports, module) {
    "use strict";
    var BINARY_TYPES = ["nodebuffer", "arraybuffer", "fragments"];
    var hasBlob = typeof Blob !== "undefined";
    if (hasBlob) BINARY_TYPES.push("blob");
    module.exports = {
      BINARY_TYPES,
      CLOSE_TIMEOUT: 3e4,
      EMPTY_BUFFER: Buffer.alloc(0),
      GUID: "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
      hasBlob,
      kForOnEventAttribute: /* @__PURE__ */ Symbol("kIsForOnEventAttribute"),
      kListener: /* @__PURE__ */ Symbol("kListener"),
      kStatusCode: /* @__PURE__ */ Symbol("status-code"),
      kWebSocket: /* @__PURE__ */ Symbol("websocket"),
      NOOP: () => {
      }
    };
  }
});

// node_modules/ws/lib/buffer-util.js
var require_buffer_util = __commonJS({
  "node_modules/ws/lib/buffer-util.js"(exports, module) {
    "use strict";
    var { websocketMask, websocketUnmask } = __require("http");
    var { EMPTY_BUFFER } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    function concat(list, totalLength) {
      if (list.length === 0) return EMPTY_BUFFER;
      if (list.length === 1) return list[0];
      const target = Buffer.allocUnsafe(totalLength);
      let offset = 0;
      for (let i = 0; i < list.length; i++) {
        const buf = list[i];
        target.set(buf, offset);
        offset += buf.length;
      }
      if (offset < totalLength) {
        return new FastBuffer(target.buffer, target.byteOffset, offset);
      }
      return target;
    }
    function _mask(source, mask, output, offset, length) {
      for (let i = 0; i < length; i++) {
        output[offset + i] = source[i] ^ mask[i & 3];
      }
    }
    function _unmask(buffer, mask) {
      for (let i = 0; i < buffer.length; i++) {
        buffer[i] ^= mask[i & 3];
      }
    }
    function toArrayBuffer2(buf) {
      if (buf.length === buf.buffer.byteLength) {
        return buf.buffer;
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
    }
    function toBuffer(data) {
      toBuffer.readOnly = true;
      if (Buffer.isBuffer(data)) return data;
      let buf;
      if (data instanceof ArrayBuffer) {
        buf = new FastBuffer(data);
      } else if (ArrayBuffer.isView(data)) {
        buf = new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
      } else {
        buf = Buffer.from(data);
        toBuffer.readOnly = false;
      }
      return buf;
    }
    module.exports = {
      concat,
      mask: _mask,
      toArrayBuffer: toArrayBuffer2,
      toBuffer,
      unmask: _unmask
    };
    if (websocketMask) {
      module.exports.mask = function(source, mask, output, offset, length) {
        if (length < 24) _mask(source, mask, output, offset, length);
        else websocketMask(source, mask, output, offset, length);
      };
      module.exports.unmask = function(buffer, mask) {
        if (buffer.length < 24) _unmask(buffer, mask);
        else websocketUnmask(buffer, mask);
      };
    } else if (!process.env.WS_NO_BUFFER_UTIL) {
      try {
        const bufferUtil = __require("bufferutil");
        module.exports.mask = function(source, mask, output, offset, length) {
          if (length < 48) _mask(source, mask, output, offset, length);
          else bufferUtil.mask(source, mask, output, offset, length);
        };
        module.exports.unmask = function(buffer, mask) {
          if (buffer.length < 32) _unmask(buffer, mask);
          else bufferUtil.unmask(buffer, mask);
        };
      } catch (e) {
      }
    }
  }
});

// node_modules/ws/lib/limiter.js
var require_limiter = __commonJS({
  "node_modules/ws/lib/limiter.js"(exports, module) {
    "use strict";
    var kDone = /* @__PURE__ */ Symbol("kDone");
    var kRun = /* @__PURE__ */ Symbol("kRun");
    var Limiter = class {
      /**
       * Creates a new `Limiter`.
       *
       * @param {Number} [concurrency=Infinity] The maximum number of jobs allowed
       *     to run concurrently
       */
      constructor(concurrency) {
        this[kDone] = () => {
          this.pending--;
          this[kRun]();
        };
        this.concurrency = concurrency || Infinity;
        this.jobs = [];
        this.pending = 0;
      }
      /**
       * Adds a job to the queue.
       *
       * @param {Function} job The job to run
       * @public
       */
      add(job) {
        this.jobs.push(job);
        this[kRun]();
      }
      /**
       * Removes a job from the queue and runs it if possible.
       *
       * @private
       */
      [kRun]() {
        if (this.pending === this.concurrency) return;
        if (this.jobs.length) {
          const job = this.jobs.shift();
          this.pending++;
          job(this[kDone]);
        }
      }
    };
    module.exports = Limiter;
  }
});

// node_modules/ws/lib/permessage-deflate.js
var require_permessage_deflate = __commonJS({
  "node_modules/ws/lib/permessage-deflate.js"(exports, module) {
    "use strict";
    var zlib = __require("zlib");
    var bufferUtil = require_buffer_util();
    var Limiter = require_limiter();
    var { kStatusCode } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    var TRAILER = Buffer.from([0, 0, 255, 255]);
    var kPerMessageDeflate = /* @__PURE__ */ Symbol("permessage-deflate");
    var kTotalLength = /* @__PURE__ */ Symbol("total-length");
    var kCallback = /* @__PURE__ */ Symbol("callback");
    var kBuffers = /* @__PURE__ */ Symbol("buffers");
    var kError = /* @__PURE__ */ Symbol("error");
    var zlibLimiter;
    var PerMessageDeflate2 = class {
      /**
       * Creates a PerMessageDeflate instance.
       *
       * @param {Object} [options] Configuration options
       * @param {(Boolean|Number)} [options.clientMaxWindowBits] Advertise support
       *     for, or request, a custom client window size
       * @param {Boolean} [options.clientNoContextTakeover=false] Advertise/
       *     acknowledge disabling of client context takeover
       * @param {Number} [options.concurrencyLimit=10] The number of concurrent
       *     calls to zlib
       * @param {Boolean} [options.isServer=false] Create the instance in either
       *     server or client mode
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {(Boolean|Number)} [options.serverMaxWindowBits] Request/confirm the
       *     use of a custom server window size
       * @param {Boolean} [options.serverNoContextTakeover=false] Request/accept
       *     disabling of server context takeover
       * @param {Number} [options.threshold=1024] Size (in bytes) below which
       *     messages should not be compressed if context takeover is disabled
       * @param {Object} [options.zlibDeflateOptions] Options to pass to zlib on
       *     deflate
       * @param {Object} [options.zlibInflateOptions] Options to pass to zlib on
       *     inflate
       */
      constructor(options) {
        this._options = options || {};
        this._threshold = this._options.threshold !== void 0 ? this._options.threshold : 1024;
        this._maxPayload = this._options.maxPayload | 0;
        this._isServer = !!this._options.isServer;
        this._deflate = null;
        this._inflate = null;
        this.params = null;
        if (!zlibLimiter) {
          const concurrency = this._options.concurrencyLimit !== void 0 ? this._options.concurrencyLimit : 10;
          zlibLimiter = new Limiter(concurrency);
        }
      }
      /**
       * @type {String}
       */
      static get extensionName() {
        return "permessage-deflate";
      }
      /**
       * Create an extension negotiation offer.
       *
       * @return {Object} Extension parameters
       * @public
       */
      offer() {
        const params = {};
        if (this._options.serverNoContextTakeover) {
          params.server_no_context_takeover = true;
        }
        if (this._options.clientNoContextTakeover) {
          params.client_no_context_takeover = true;
        }
        if (this._options.serverMaxWindowBits) {
          params.server_max_window_bits = this._options.serverMaxWindowBits;
        }
        if (this._options.clientMaxWindowBits) {
          params.client_max_window_bits = this._options.clientMaxWindowBits;
        } else if (this._options.clientMaxWindowBits == null) {
          params.client_max_window_bits = true;
        }
        return params;
      }
      /**
       * Accept an extension negotiation offer/response.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Object} Accepted configuration
       * @public
       */
      accept(configurations) {
        configurations = this.normalizeParams(configurations);
        this.params = this._isServer ? this.acceptAsServer(configurations) : this.acceptAsClient(configurations);
        return this.params;
      }
      /**
       * Releases all resources used by the extension.
       *
       * @public
       */
      cleanup() {
        if (this._inflate) {
          this._inflate.close();
          this._inflate = null;
        }
        if (this._deflate) {
          const callback = this._deflate[kCallback];
          this._deflate.close();
          this._deflate = null;
          if (callback) {
            callback(
              new Error(
                "The deflate stream was closed while data was being processed"
              )
            );
          }
        }
      }
      /**
       *  Accept an extension negotiation offer.
       *
       * @param {Array} offers The extension negotiation offers
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsServer(offers) {
        const opts = this._options;
        const accepted2 = offers.find((params) => {
          if (opts.serverNoContextTakeover === false && params.server_no_context_takeover || params.server_max_window_bits && (opts.serverMaxWindowBits === false || typeof opts.serverMaxWindowBits === "number" && opts.serverMaxWindowBits > params.server_max_window_bits) || typeof opts.clientMaxWindowBits === "number" && (typeof params.client_max_window_bits === "number" ? opts.clientMaxWindowBits > params.client_max_window_bits : !params.client_max_window_bits)) {
            return false;
          }
          return true;
        });
        if (!accepted2) {
          throw new Error("None of the extension offers can be accepted");
        }
        if (opts.serverNoContextTakeover) {
          accepted2.server_no_context_takeover = true;
        }
        if (opts.clientNoContextTakeover) {
          accepted2.client_no_context_takeover = true;
        }
        if (typeof opts.serverMaxWindowBits === "number") {
          accepted2.server_max_window_bits = opts.serverMaxWindowBits;
        }
        if (typeof opts.clientMaxWindowBits === "number") {
          accepted2.client_max_window_bits = opts.clientMaxWindowBits;
        } else if (accepted2.client_max_window_bits === true || opts.clientMaxWindowBits === false) {
          delete accepted2.client_max_window_bits;
        }
        return accepted2;
      }
      /**
       * Accept the extension negotiation response.
       *
       * @param {Array} response The extension negotiation response
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsClient(response) {
        const params = response[0];
        if (this._options.clientNoContextTakeover === false && params.client_no_context_takeover) {
          throw new Error('Unexpected parameter "client_no_context_takeover"');
        }
        if (!params.client_max_window_bits) {
          if (typeof this._options.clientMaxWindowBits === "number") {
            params.client_max_window_bits = this._options.clientMaxWindowBits;
          }
        } else if (this._options.clientMaxWindowBits === false || typeof this._options.clientMaxWindowBits === "number" && params.client_max_window_bits > this._options.clientMaxWindowBits) {
          throw new Error(
            'Unexpected or invalid parameter "client_max_window_bits"'
          );
        }
        return params;
      }
      /**
       * Normalize parameters.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Array} The offers/response with normalized parameters
       * @private
       */
      normalizeParams(configurations) {
        configurations.forEach((params) => {
          Object.keys(params).forEach((key) => {
            let value = params[key];
            if (value.length > 1) {
              throw new Error(`Parameter "${key}" must have only a single value`);
            }
            value = value[0];
            if (key === "client_max_window_bits") {
              if (value !== true) {
                const num = +value;
                if (!Number.isInteger(num) || num < 8 || num > 15) {
                  throw new TypeError(
                    `Invalid value for parameter "${key}": ${value}`
                  );
                }
                value = num;
              } else if (!this._isServer) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else if (key === "server_max_window_bits") {
              const num = +value;
              if (!Number.isInteger(num) || num < 8 || num > 15) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
              value = num;
            } else if (key === "client_no_context_takeover" || key === "server_no_context_takeover") {
              if (value !== true) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else {
              throw new Error(`Unknown parameter "${key}"`);
            }
            params[key] = value;
          });
        });
        return configurations;
      }
      /**
       * Decompress data. Concurrency limited.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      decompress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._decompress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Compress data. Concurrency limited.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      compress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._compress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Decompress data.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _decompress(data, fin, callback) {
        const endpoint = this._isServer ? "client" : "server";
        if (!this._inflate) {
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
          this._inflate = zlib.createInflateRaw({
            ...this._options.zlibInflateOptions,
            windowBits
          });
          this._inflate[kPerMessageDeflate] = this;
          this._inflate[kTotalLength] = 0;
          this._inflate[kBuffers] = [];
          this._inflate.on("error", inflateOnError);
          this._inflate.on("data", inflateOnData);
        }
        this._inflate[kCallback] = callback;
        this._inflate.write(data);
        if (fin) this._inflate.write(TRAILER);
        this._inflate.flush(() => {
          const err = this._inflate[kError];
          if (err) {
            this._inflate.close();
            this._inflate = null;
            callback(err);
            return;
          }
          const data2 = bufferUtil.concat(
            this._inflate[kBuffers],
            this._inflate[kTotalLength]
          );
          if (this._inflate._readableState.endEmitted) {
            this._inflate.close();
            this._inflate = null;
          } else {
            this._inflate[kTotalLength] = 0;
            this._inflate[kBuffers] = [];
            if (fin && this.params[`${endpoint}_no_context_takeover`]) {
              this._inflate.reset();
            }
          }
          callback(null, data2);
        });
      }
      /**
       * Compress data.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _compress(data, fin, callback) {
        const endpoint = this._isServer ? "server" : "client";
        if (!this._deflate) {
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
          this._deflate = zlib.createDeflateRaw({
            ...this._options.zlibDeflateOptions,
            windowBits
          });
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          this._deflate.on("data", deflateOnData);
        }
        this._deflate[kCallback] = callback;
        this._deflate.write(data);
        this._deflate.flush(zlib.Z_SYNC_FLUSH, () => {
          if (!this._deflate) {
            return;
          }
          let data2 = bufferUtil.concat(
            this._deflate[kBuffers],
            this._deflate[kTotalLength]
          );
          if (fin) {
            data2 = new FastBuffer(data2.buffer, data2.byteOffset, data2.length - 4);
          }
          this._deflate[kCallback] = null;
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          if (fin && this.params[`${endpoint}_no_context_takeover`]) {
            this._deflate.reset();
          }
          callback(null, data2);
        });
      }
    };
    module.exports = PerMessageDeflate2;
    function deflateOnData(chunk) {
      this[kBuffers].push(chunk);
      this[kTotalLength] += chunk.length;
    }
    function inflateOnData(chunk) {
      this[kTotalLength] += chunk.length;
      if (this[kPerMessageDeflate]._maxPayload < 1 || this[kTotalLength] <= this[kPerMessageDeflate]._maxPayload) {
        this[kBuffers].push(chunk);
        return;
      }
      this[kError] = new RangeError("Max payload size exceeded");
      this[kError].code = "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
      this[kError][kStatusCode] = 1009;
      this.removeListener("data", inflateOnData);
      this.reset();
    }
    function inflateOnError(err) {
      this[kPerMessageDeflate]._inflate = null;
      if (this[kError]) {
        this[kCallback](this[kError]);
        return;
      }
      err[kStatusCode] = 1007;
      this[kCallback](err);
    }
  }
});

// node_modules/ws/lib/validation.js
var require_validation = __commonJS({
  "node_modules/ws/lib/validation.js"(exports, module) {
    "use strict";
    var { isUtf8 } = __require("buffer");
    var { hasBlob } = require_constants();
    var tokenChars = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 0 - 15
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 16 - 31
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      // 32 - 47
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      // 48 - 63
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 64 - 79
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      // 80 - 95
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 96 - 111
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0
      // 112 - 127
    ];
    function isValidStatusCode(code) {
      return code >= 1e3 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006 || code >= 3e3 && code <= 4999;
    }
    function _isValidUTF8(buf) {
      const len = buf.length;
      let i = 0;
      while (i < len) {
        if ((buf[i] & 128) === 0) {
          i++;
        } else if ((buf[i] & 224) === 192) {
          if (i + 1 === len || (buf[i + 1] & 192) !== 128 || (buf[i] & 254) === 192) {
            return false;
          }
          i += 2;
        } else if ((buf[i] & 240) === 224) {
          if (i + 2 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || buf[i] === 224 && (buf[i + 1] & 224) === 128 || // Overlong
          buf[i] === 237 && (buf[i + 1] & 224) === 160) {
            return false;
          }
          i += 3;
        } else if ((buf[i] & 248) === 240) {
          if (i + 3 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || (buf[i + 3] & 192) !== 128 || buf[i] === 240 && (buf[i + 1] & 240) === 128 || // Overlong
          buf[i] === 244 && buf[i + 1] > 143 || buf[i] > 244) {
            return false;
          }
          i += 4;
        } else {
          return false;
        }
      }
      return true;
    }
    function isBlob(value) {
      return hasBlob && typeof value === "object" && typeof value.arrayBuffer === "function" && typeof value.type === "string" && typeof value.stream === "function" && (value[Symbol.toStringTag] === "Blob" || value[Symbol.toStringTag] === "File");
    }
    module.exports = {
      isBlob,
      isValidStatusCode,
      isValidUTF8: _isValidUTF8,
      tokenChars
    };
    if (isUtf8) {
      module.exports.isValidUTF8 = function(buf) {
        return buf.length < 24 ? _isValidUTF8(buf) : isUtf8(buf);
      };
    } else if (!process.env.WS_NO_UTF_8_VALIDATE) {
      try {
        const isValidUTF8 = __require("utf-8-validate");
        module.exports.isValidUTF8 = function(buf) {
          return buf.length < 32 ? _isValidUTF8(buf) : isValidUTF8(buf);
        };
      } catch (e) {
      }
    }
  }
});

// node_modules/ws/lib/receiver.js
var require_receiver = __commonJS({
  "node_modules/ws/lib/receiver.js"(exports, module) {
    "use strict";
    var { Writable } = __require("stream");
    var PerMessageDeflate2 = require_permessage_deflate();
    var {
      BINARY_TYPES,
      EMPTY_BUFFER,
      kStatusCode,
      kWebSocket
    } = require_constants();
    var { concat, toArrayBuffer: toArrayBuffer2, unmask } = require_buffer_util();
    var { isValidStatusCode, isValidUTF8 } = require_validation();
    var FastBuffer = Buffer[Symbol.species];
    var GET_INFO = 0;
    var GET_PAYLOAD_LENGTH_16 = 1;
    var GET_PAYLOAD_LENGTH_64 = 2;
    var GET_MASK = 3;
    var GET_DATA = 4;
    var INFLATING = 5;
    var DEFER_EVENT = 6;
    var Receiver2 = class extends Writable {
      /**
       * Creates a Receiver instance.
       *
       * @param {Object} [options] Options object
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {String} [options.binaryType=nodebuffer] The type for binary data
       * @param {Object} [options.extensions] An object containing the negotiated
       *     extensions
       * @param {Boolean} [options.isServer=false] Specifies whether to operate in
       *     client or server mode
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       */
      constructor(options = {}) {
        super();
        this._allowSynchronousEvents = options.allowSynchronousEvents !== void 0 ? options.allowSynchronousEvents : true;
        this._binaryType = options.binaryType || BINARY_TYPES[0];
        this._extensions = options.extensions || {};
        this._isServer = !!options.isServer;
        this._maxBufferedChunks = options.maxBufferedChunks | 0;
        this._maxFragments = options.maxFragments | 0;
        this._maxPayload = options.maxPayload | 0;
        this._skipUTF8Validation = !!options.skipUTF8Validation;
        this[kWebSocket] = void 0;
        this._bufferedBytes = 0;
        this._buffers = [];
        this._compressed = false;
        this._payloadLength = 0;
        this._mask = void 0;
        this._fragmented = 0;
        this._masked = false;
        this._fin = false;
        this._opcode = 0;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._numFragments = 0;
        this._fragments = [];
        this._errored = false;
        this._loop = false;
        this._state = GET_INFO;
      }
      /**
       * Implements `Writable.prototype._write()`.
       *
       * @param {Buffer} chunk The chunk of data to write
       * @param {String} encoding The character encoding of `chunk`
       * @param {Function} cb Callback
       * @private
       */
      _write(chunk, encoding, cb) {
        if (this._opcode === 8 && this._state == GET_INFO) return cb();
        if (this._maxBufferedChunks > 0 && this._buffers.length >= this._maxBufferedChunks) {
          cb(
            this.createError(
              RangeError,
              "Too many buffered chunks",
              false,
              1008,
              "WS_ERR_TOO_MANY_BUFFERED_PARTS"
            )
          );
          return;
        }
        this._bufferedBytes += chunk.length;
        this._buffers.push(chunk);
        this.startLoop(cb);
      }
      /**
       * Consumes `n` bytes from the buffered data.
       *
       * @param {Number} n The number of bytes to consume
       * @return {Buffer} The consumed bytes
       * @private
       */
      consume(n) {
        this._bufferedBytes -= n;
        if (n === this._buffers[0].length) return this._buffers.shift();
        if (n < this._buffers[0].length) {
          const buf = this._buffers[0];
          this._buffers[0] = new FastBuffer(
            buf.buffer,
            buf.byteOffset + n,
            buf.length - n
          );
          return new FastBuffer(buf.buffer, buf.byteOffset, n);
        }
        const dst = Buffer.allocUnsafe(n);
        do {
          const buf = this._buffers[0];
          const offset = dst.length - n;
          if (n >= buf.length) {
            dst.set(this._buffers.shift(), offset);
          } else {
            dst.set(new Uint8Array(buf.buffer, buf.byteOffset, n), offset);
            this._buffers[0] = new FastBuffer(
              buf.buffer,
              buf.byteOffset + n,
              buf.length - n
            );
          }
          n -= buf.length;
        } while (n > 0);
        return dst;
      }
      /**
       * Starts the parsing loop.
       *
       * @param {Function} cb Callback
       * @private
       */
      startLoop(cb) {
        this._loop = true;
        do {
          switch (this._state) {
            case GET_INFO:
              this.getInfo(cb);
              break;
            case GET_PAYLOAD_LENGTH_16:
              this.getPayloadLength16(cb);
              break;
            case GET_PAYLOAD_LENGTH_64:
              this.getPayloadLength64(cb);
              break;
            case GET_MASK:
              this.getMask();
              break;
            case GET_DATA:
              this.getData(cb);
              break;
            case INFLATING:
            case DEFER_EVENT:
              this._loop = false;
              return;
          }
        } while (this._loop);
        if (!this._errored) cb();
      }
      /**
       * Reads the first two bytes of a frame.
       *
       * @param {Function} cb Callback
       * @private
       */
      getInfo(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        const buf = this.consume(2);
        if ((buf[0] & 48) !== 0) {
          const error = this.createError(
            RangeError,
            "RSV2 and RSV3 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_2_3"
          );
          cb(error);
          return;
        }
        const compressed = (buf[0] & 64) === 64;
        if (compressed && !this._extensions[PerMessageDeflate2.extensionName]) {
          const error = this.createError(
            RangeError,
            "RSV1 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_1"
          );
          cb(error);
          return;
        }
        this._fin = (buf[0] & 128) === 128;
        this._opcode = buf[0] & 15;
        this._payloadLength = buf[1] & 127;
        if (this._opcode === 0) {
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (!this._fragmented) {
            const error = this.createError(
              RangeError,
              "invalid opcode 0",
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._opcode = this._fragmented;
        } else if (this._opcode === 1 || this._opcode === 2) {
          if (this._fragmented) {
            const error = this.createError(
              RangeError,
              `invalid opcode ${this._opcode}`,
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._compressed = compressed;
        } else if (this._opcode > 7 && this._opcode < 11) {
          if (!this._fin) {
            const error = this.createError(
              RangeError,
              "FIN must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_FIN"
            );
            cb(error);
            return;
          }
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (this._payloadLength > 125 || this._opcode === 8 && this._payloadLength === 1) {
            const error = this.createError(
              RangeError,
              `invalid payload length ${this._payloadLength}`,
              true,
              1002,
              "WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH"
            );
            cb(error);
            return;
          }
        } else {
          const error = this.createError(
            RangeError,
            `invalid opcode ${this._opcode}`,
            true,
            1002,
            "WS_ERR_INVALID_OPCODE"
          );
          cb(error);
          return;
        }
        if (!this._fin && !this._fragmented) this._fragmented = this._opcode;
        this._masked = (buf[1] & 128) === 128;
        if (this._isServer) {
          if (!this._masked) {
            const error = this.createError(
              RangeError,
              "MASK must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_MASK"
            );
            cb(error);
            return;
          }
        } else if (this._masked) {
          const error = this.createError(
            RangeError,
            "MASK must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_MASK"
          );
          cb(error);
          return;
        }
        if (this._payloadLength === 126) this._state = GET_PAYLOAD_LENGTH_16;
        else if (this._payloadLength === 127) this._state = GET_PAYLOAD_LENGTH_64;
        else this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+16).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength16(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        this._payloadLength = this.consume(2).readUInt16BE(0);
        this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+64).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength64(cb) {
        if (this._bufferedBytes < 8) {
          this._loop = false;
          return;
        }
        const buf = this.consume(8);
        const num = buf.readUInt32BE(0);
        if (num > Math.pow(2, 53 - 32) - 1) {
          const error = this.createError(
            RangeError,
            "Unsupported WebSocket frame: payload length > 2^53 - 1",
            false,
            1009,
            "WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH"
          );
          cb(error);
          return;
        }
        this._payloadLength = num * Math.pow(2, 32) + buf.readUInt32BE(4);
        this.haveLength(cb);
      }
      /**
       * Payload length has been read.
       *
       * @param {Function} cb Callback
       * @private
       */
      haveLength(cb) {
        if (this._payloadLength && this._opcode < 8) {
          this._totalPayloadLength += this._payloadLength;
          if (this._totalPayloadLength > this._maxPayload && this._maxPayload > 0) {
            const error = this.createError(
              RangeError,
              "Max payload size exceeded",
              false,
              1009,
              "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
            );
            cb(error);
            return;
          }
        }
        if (this._masked) this._state = GET_MASK;
        else this._state = GET_DATA;
      }
      /**
       * Reads mask bytes.
       *
       * @private
       */
      getMask() {
        if (this._bufferedBytes < 4) {
          this._loop = false;
          return;
        }
        this._mask = this.consume(4);
        this._state = GET_DATA;
      }
      /**
       * Reads data bytes.
       *
       * @param {Function} cb Callback
       * @private
       */
      getData(cb) {
        let data = EMPTY_BUFFER;
        if (this._payloadLength) {
          if (this._bufferedBytes < this._payloadLength) {
            this._loop = false;
            return;
          }
          data = this.consume(this._payloadLength);
          if (this._masked && (this._mask[0] | this._mask[1] | this._mask[2] | this._mask[3]) !== 0) {
            unmask(data, this._mask);
          }
        }
        this._mask = void 0;
        if (this._opcode > 7) {
          this.controlMessage(data, cb);
          return;
        }
        if (this._maxFragments > 0 && ++this._numFragments > this._maxFragments) {
          const error = this.createError(
            RangeError,
            "Too many message fragments",
            false,
            1008,
            "WS_ERR_TOO_MANY_BUFFERED_PARTS"
          );
          cb(error);
          return;
        }
        if (this._compressed) {
          this._state = INFLATING;
          this.decompress(data, cb);
          return;
        }
        if (data.length) {
          this._messageLength = this._totalPayloadLength;
          this._fragments.push(data);
        }
        this.dataMessage(cb);
      }
      /**
       * Decompresses data.
       *
       * @param {Buffer} data Compressed data
       * @param {Function} cb Callback
       * @private
       */
      decompress(data, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        perMessageDeflate.decompress(data, this._fin, (err, buf) => {
          if (err) return cb(err);
          if (buf.length) {
            this._messageLength += buf.length;
            if (this._messageLength > this._maxPayload && this._maxPayload > 0) {
              const error = this.createError(
                RangeError,
                "Max payload size exceeded",
                false,
                1009,
                "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
              );
              cb(error);
              return;
            }
            this._fragments.push(buf);
          }
          this.dataMessage(cb);
          if (this._state === GET_INFO) this.startLoop(cb);
        });
      }
      /**
       * Handles a data message.
       *
       * @param {Function} cb Callback
       * @private
       */
      dataMessage(cb) {
        if (!this._fin) {
          this._state = GET_INFO;
          return;
        }
        const messageLength = this._messageLength;
        const fragments = this._fragments;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._fragmented = 0;
        this._numFragments = 0;
        this._fragments = [];
        if (this._opcode === 2) {
          let data;
          if (this._binaryType === "nodebuffer") {
            data = concat(fragments, messageLength);
          } else if (this._binaryType === "arraybuffer") {
            data = toArrayBuffer2(concat(fragments, messageLength));
          } else if (this._binaryType === "blob") {
            data = new Blob(fragments);
          } else {
            data = fragments;
          }
          if (this._allowSynchronousEvents) {
            this.emit("message", data, true);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", data, true);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        } else {
          const buf = concat(fragments, messageLength);
          if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
            const error = this.createError(
              Error,
              "invalid UTF-8 sequence",
              true,
              1007,
              "WS_ERR_INVALID_UTF8"
            );
            cb(error);
            return;
          }
          if (this._state === INFLATING || this._allowSynchronousEvents) {
            this.emit("message", buf, false);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", buf, false);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        }
      }
      /**
       * Handles a control message.
       *
       * @param {Buffer} data Data to handle
       * @return {(Error|RangeError|undefined)} A possible error
       * @private
       */
      controlMessage(data, cb) {
        if (this._opcode === 8) {
          if (data.length === 0) {
            this._loop = false;
            this.emit("conclude", 1005, EMPTY_BUFFER);
            this.end();
          } else {
            const code = data.readUInt16BE(0);
            if (!isValidStatusCode(code)) {
              const error = this.createError(
                RangeError,
                `invalid status code ${code}`,
                true,
                1002,
                "WS_ERR_INVALID_CLOSE_CODE"
              );
              cb(error);
              return;
            }
            const buf = new FastBuffer(
              data.buffer,
              data.byteOffset + 2,
              data.length - 2
            );
            if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
              const error = this.createError(
                Error,
                "invalid UTF-8 sequence",
                true,
                1007,
                "WS_ERR_INVALID_UTF8"
              );
              cb(error);
              return;
            }
            this._loop = false;
            this.emit("conclude", code, buf);
            this.end();
          }
          this._state = GET_INFO;
          return;
        }
        if (this._allowSynchronousEvents) {
          this.emit(this._opcode === 9 ? "ping" : "pong", data);
          this._state = GET_INFO;
        } else {
          this._state = DEFER_EVENT;
          setImmediate(() => {
            this.emit(this._opcode === 9 ? "ping" : "pong", data);
            this._state = GET_INFO;
            this.startLoop(cb);
          });
        }
      }
      /**
       * Builds an error object.
       *
       * @param {function(new:Error|RangeError)} ErrorCtor The error constructor
       * @param {String} message The error message
       * @param {Boolean} prefix Specifies whether or not to add a default prefix to
       *     `message`
       * @param {Number} statusCode The status code
       * @param {String} errorCode The exposed error code
       * @return {(Error|RangeError)} The error
       * @private
       */
      createError(ErrorCtor, message, prefix, statusCode, errorCode) {
        this._loop = false;
        this._errored = true;
        const err = new ErrorCtor(
          prefix ? `Invalid WebSocket frame: ${message}` : message
        );
        Error.captureStackTrace(err, this.createError);
        err.code = errorCode;
        err[kStatusCode] = statusCode;
        return err;
      }
    };
    module.exports = Receiver2;
  }
});

// node_modules/ws/lib/sender.js
var require_sender = __commonJS({
  "node_modules/ws/lib/sender.js"(exports, module) {
    "use strict";
    var { Duplex } = __require("stream");
    var { randomFillSync } = __require("crypto");
    var {
      types: { isUint8Array }
    } = __require("util");
    var PerMessageDeflate2 = require_permessage_deflate();
    var { EMPTY_BUFFER, kWebSocket, NOOP } = require_constants();
    var { isBlob, isValidStatusCode } = require_validation();
    var { mask: applyMask, toBuffer } = require_buffer_util();
    var kByteLength = /* @__PURE__ */ Symbol("kByteLength");
    var maskBuffer = Buffer.alloc(4);
    var RANDOM_POOL_SIZE = 8 * 1024;
    var randomPool;
    var randomPoolPointer = RANDOM_POOL_SIZE;
    var DEFAULT = 0;
    var DEFLATING = 1;
    var GET_BLOB_DATA = 2;
    var Sender2 = class _Sender {
      /**
       * Creates a Sender instance.
       *
       * @param {Duplex} socket The connection socket
       * @param {Object} [extensions] An object containing the negotiated extensions
       * @param {Function} [generateMask] The function used to generate the masking
       *     key
       */
      constructor(socket, extensions, generateMask) {
        this._extensions = extensions || {};
        if (generateMask) {
          this._generateMask = generateMask;
          this._maskBuffer = Buffer.alloc(4);
        }
        this._socket = socket;
        this._firstFragment = true;
        this._compress = false;
        this._bufferedBytes = 0;
        this._queue = [];
        this._state = DEFAULT;
        this.onerror = NOOP;
        this[kWebSocket] = void 0;
      }
      /**
       * Frames a piece of data according to the HyBi WebSocket protocol.
       *
       * @param {(Buffer|String)} data The data to frame
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @return {(Buffer|String)[]} The framed data
       * @public
       */
      static frame(data, options) {
        let mask;
        let merge = false;
        let offset = 2;
        let skipMasking = false;
        if (options.mask) {
          mask = options.maskBuffer || maskBuffer;
          if (options.generateMask) {
            options.generateMask(mask);
          } else {
            if (randomPoolPointer === RANDOM_POOL_SIZE) {
              if (randomPool === void 0) {
                randomPool = Buffer.alloc(RANDOM_POOL_SIZE);
              }
              randomFillSync(randomPool, 0, RANDOM_POOL_SIZE);
              randomPoolPointer = 0;
            }
            mask[0] = randomPool[randomPoolPointer++];
            mask[1] = randomPool[randomPoolPointer++];
            mask[2] = randomPool[randomPoolPointer++];
            mask[3] = randomPool[randomPoolPointer++];
          }
          skipMasking = (mask[0] | mask[1] | mask[2] | mask[3]) === 0;
          offset = 6;
        }
        let dataLength;
        if (typeof data === "string") {
          if ((!options.mask || skipMasking) && options[kByteLength] !== void 0) {
            dataLength = options[kByteLength];
          } else {
            data = Buffer.from(data);
            dataLength = data.length;
          }
        } else {
          dataLength = data.length;
          merge = options.mask && options.readOnly && !skipMasking;
        }
        let payloadLength = dataLength;
        if (dataLength >= 65536) {
          offset += 8;
          payloadLength = 127;
        } else if (dataLength > 125) {
          offset += 2;
          payloadLength = 126;
        }
        const target = Buffer.allocUnsafe(merge ? dataLength + offset : offset);
        target[0] = options.fin ? options.opcode | 128 : options.opcode;
        if (options.rsv1) target[0] |= 64;
        target[1] = payloadLength;
        if (payloadLength === 126) {
          target.writeUInt16BE(dataLength, 2);
        } else if (payloadLength === 127) {
          target[2] = target[3] = 0;
          target.writeUIntBE(dataLength, 4, 6);
        }
        if (!options.mask) {
          return dataLength ? [target, data] : [target];
        }
        target[1] |= 128;
        target[offset - 4] = mask[0];
        target[offset - 3] = mask[1];
        target[offset - 2] = mask[2];
        target[offset - 1] = mask[3];
        if (!dataLength) return [target];
        if (skipMasking) return [target, data];
        if (merge) {
          applyMask(data, mask, target, offset, dataLength);
          return [target];
        }
        applyMask(data, mask, data, 0, dataLength);
        return [target, data];
      }
      /**
       * Sends a close message to the other peer.
       *
       * @param {Number} [code] The status code component of the body
       * @param {(String|Buffer)} [data] The message component of the body
       * @param {Boolean} [mask=false] Specifies whether or not to mask the message
       * @param {Function} [cb] Callback
       * @public
       */
      close(code, data, mask, cb) {
        let buf;
        if (code === void 0) {
          buf = EMPTY_BUFFER;
        } else if (typeof code !== "number" || !isValidStatusCode(code)) {
          throw new TypeError("First argument must be a valid error code number");
        } else if (data === void 0 || !data.length) {
          buf = Buffer.allocUnsafe(2);
          buf.writeUInt16BE(code, 0);
        } else {
          const length = Buffer.byteLength(data);
          if (length > 123) {
            throw new RangeError("The message must not be greater than 123 bytes");
          }
          buf = Buffer.allocUnsafe(2 + length);
          buf.writeUInt16BE(code, 0);
          if (typeof data === "string") {
            buf.write(data, 2);
          } else if (isUint8Array(data)) {
            buf.set(data, 2);
          } else {
            throw new TypeError("Second argument must be a string or a Uint8Array");
          }
        }
        const options = {
          [kByteLength]: buf.length,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 8,
          readOnly: false,
          rsv1: false
        };
        if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, buf, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(buf, options), cb);
        }
      }
      /**
       * Sends a ping message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      ping(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 9,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a pong message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      pong(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 10,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a data message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Object} options Options object
       * @param {Boolean} [options.binary=false] Specifies whether `data` is binary
       *     or text
       * @param {Boolean} [options.compress=false] Specifies whether or not to
       *     compress `data`
       * @param {Boolean} [options.fin=false] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Function} [cb] Callback
       * @public
       */
      send(data, options, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        let opcode = options.binary ? 2 : 1;
        let rsv1 = options.compress;
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (this._firstFragment) {
          this._firstFragment = false;
          if (rsv1 && perMessageDeflate && perMessageDeflate.params[perMessageDeflate._isServer ? "server_no_context_takeover" : "client_no_context_takeover"]) {
            rsv1 = byteLength >= perMessageDeflate._threshold;
          }
          this._compress = rsv1;
        } else {
          rsv1 = false;
          opcode = 0;
        }
        if (options.fin) this._firstFragment = true;
        const opts = {
          [kByteLength]: byteLength,
          fin: options.fin,
          generateMask: this._generateMask,
          mask: options.mask,
          maskBuffer: this._maskBuffer,
          opcode,
          readOnly,
          rsv1
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, this._compress, opts, cb]);
          } else {
            this.getBlobData(data, this._compress, opts, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, this._compress, opts, cb]);
        } else {
          this.dispatch(data, this._compress, opts, cb);
        }
      }
      /**
       * Gets the contents of a blob as binary data.
       *
       * @param {Blob} blob The blob
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     the data
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      getBlobData(blob, compress, options, cb) {
        this._bufferedBytes += options[kByteLength];
        this._state = GET_BLOB_DATA;
        blob.arrayBuffer().then((arrayBuffer) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while the blob was being read"
            );
            process.nextTick(callCallbacks, this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          const data = toBuffer(arrayBuffer);
          if (!compress) {
            this._state = DEFAULT;
            this.sendFrame(_Sender.frame(data, options), cb);
            this.dequeue();
          } else {
            this.dispatch(data, compress, options, cb);
          }
        }).catch((err) => {
          process.nextTick(onError2, this, err, cb);
        });
      }
      /**
       * Dispatches a message.
       *
       * @param {(Buffer|String)} data The message to send
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     `data`
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      dispatch(data, compress, options, cb) {
        if (!compress) {
          this.sendFrame(_Sender.frame(data, options), cb);
          return;
        }
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        this._bufferedBytes += options[kByteLength];
        this._state = DEFLATING;
        perMessageDeflate.compress(data, options.fin, (_, buf) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while data was being compressed"
            );
            callCallbacks(this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          this._state = DEFAULT;
          options.readOnly = false;
          this.sendFrame(_Sender.frame(buf, options), cb);
          this.dequeue();
        });
      }
      /**
       * Executes queued send operations.
       *
       * @private
       */
      dequeue() {
        while (this._state === DEFAULT && this._queue.length) {
          const params = this._queue.shift();
          this._bufferedBytes -= params[3][kByteLength];
          Reflect.apply(params[0], this, params.slice(1));
        }
      }
      /**
       * Enqueues a send operation.
       *
       * @param {Array} params Send operation parameters.
       * @private
       */
      enqueue(params) {
        this._bufferedBytes += params[3][kByteLength];
        this._queue.push(params);
      }
      /**
       * Sends a frame.
       *
       * @param {(Buffer | String)[]} list The frame to send
       * @param {Function} [cb] Callback
       * @private
       */
      sendFrame(list, cb) {
        if (list.length === 2) {
          this._socket.cork();
          this._socket.write(list[0]);
          this._socket.write(list[1], cb);
          this._socket.uncork();
        } else {
          this._socket.write(list[0], cb);
        }
      }
    };
    module.exports = Sender2;
    function callCallbacks(sender, err, cb) {
      if (typeof cb === "function") cb(err);
      for (let i = 0; i < sender._queue.length; i++) {
        const params = sender._queue[i];
        const callback = params[params.length - 1];
        if (typeof callback === "function") callback(err);
      }
    }
    function onError2(sender, err, cb) {
      callCallbacks(sender, err, cb);
      sender.onerror(err);
    }
  }
});

// node_modules/ws/lib/event-target.js
var require_event_target = __commonJS({
  "node_modules/ws/lib/event-target.js"(exports, module) {
    "use strict";
    var { kForOnEventAttribute, kListener } = require_constants();
    var kCode = /* @__PURE__ */ Symbol("kCode");
    var kData = /* @__PURE__ */ Symbol("kData");
    var kError = /* @__PURE__ */ Symbol("kError");
    var kMessage = /* @__PURE__ */ Symbol("kMessage");
    var kReason = /* @__PURE__ */ Symbol("kReason");
    var kTarget = /* @__PURE__ */ Symbol("kTarget");
    var kType = /* @__PURE__ */ Symbol("kType");
    var kWasClean = /* @__PURE__ */ Symbol("kWasClean");
    var Event2 = class {
      /**
       * Create a new `Event`.
       *
       * @param {String} type The name of the event
       * @throws {TypeError} If the `type` argument is not specified
       */
      constructor(type) {
        this[kTarget] = null;
        this[kType] = type;
      }
      /**
       * @type {*}
       */
      get target() {
        return this[kTarget];
      }
      /**
       * @type {String}
       */
      get type() {
        return this[kType];
      }
    };
    Object.defineProperty(Event2.prototype, "target", { enumerable: true });
    Object.defineProperty(Event2.prototype, "type", { enumerable: true });
    var CloseEvent2 = class extends Event2 {
      /**
       * Create a new `CloseEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {Number} [options.code=0] The status code explaining why the
       *     connection was closed
       * @param {String} [options.reason=''] A human-readable string explaining why
       *     the connection was closed
       * @param {Boolean} [options.wasClean=false] Indicates whether or not the
       *     connection was cleanly closed
       */
      constructor(type, options = {}) {
        super(type);
        this[kCode] = options.code === void 0 ? 0 : options.code;
        this[kReason] = options.reason === void 0 ? "" : options.reason;
        this[kWasClean] = options.wasClean === void 0 ? false : options.wasClean;
      }
      /**
       * @type {Number}
       */
      get code() {
        return this[kCode];
      }
      /**
       * @type {String}
       */
      get reason() {
        return this[kReason];
      }
      /**
       * @type {Boolean}
       */
      get wasClean() {
        return this[kWasClean];
      }
    };
    Object.defineProperty(CloseEvent2.prototype, "code", { enumerable: true });
    Object.defineProperty(CloseEvent2.prototype, "reason", { enumerable: true });
    Object.defineProperty(CloseEvent2.prototype, "wasClean", { enumerable: true });
    var ErrorEvent2 = class extends Event2 {
      /**
       * Create a new `ErrorEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.error=null] The error that generated this event
       * @param {String} [options.message=''] The error message
       */
      constructor(type, options = {}) {
        super(type);
        this[kError] = options.error === void 0 ? null : options.error;
        this[kMessage] = options.message === void 0 ? "" : options.message;
      }
      /**
       * @type {*}
       */
      get error() {
        return this[kError];
      }
      /**
       * @type {String}
       */
      get message() {
        return this[kMessage];
      }
    };
    Object.defineProperty(ErrorEvent2.prototype, "error", { enumerable: true });
    Object.defineProperty(ErrorEvent2.prototype, "message", { enumerable: true });
    var MessageEvent2 = class extends Event2 {
      /**
       * Create a new `MessageEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.data=null] The message content
       */
      constructor(type, options = {}) {
        super(type);
        this[kData] = options.data === void 0 ? null : options.data;
      }
      /**
       * @type {*}
       */
      get data() {
        return this[kData];
      }
    };
    Object.defineProperty(MessageEvent2.prototype, "data", { enumerable: true });
    var EventTarget = {
      /**
       * Register an event listener.
       *
       * @param {String} type A string representing the event type to listen for
       * @param {(Function|Object)} handler The listener to add
       * @param {Object} [options] An options object specifies characteristics about
       *     the event listener
       * @param {Boolean} [options.once=false] A `Boolean` indicating that the
       *     listener should be invoked at most once after being added. If `true`,
       *     the listener would be automatically removed when invoked.
       * @public
       */
      addEventListener(type, handler, options = {}) {
        for (const listener of this.listeners(type)) {
          if (!options[kForOnEventAttribute] && listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            return;
          }
        }
        let wrapper;
        if (type === "message") {
          wrapper = function onMessage(data, isBinary) {
            const event = new MessageEvent2("message", {
              data: isBinary ? data : data.toString()
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "close") {
          wrapper = function onClose(code, message) {
            const event = new CloseEvent2("close", {
              code,
              reason: message.toString(),
              wasClean: this._closeFrameReceived && this._closeFrameSent
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "error") {
          wrapper = function onError2(error) {
            const event = new ErrorEvent2("error", {
              error,
              message: error.message
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "open") {
          wrapper = function onOpen() {
            const event = new Event2("open");
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else {
          return;
        }
        wrapper[kForOnEventAttribute] = !!options[kForOnEventAttribute];
        wrapper[kListener] = handler;
        if (options.once) {
          this.once(type, wrapper);
        } else {
          this.on(type, wrapper);
        }
      },
      /**
       * Remove an event listener.
       *
       * @param {String} type A string representing the event type to remove
       * @param {(Function|Object)} handler The listener to remove
       * @public
       */
      removeEventListener(type, handler) {
        for (const listener of this.listeners(type)) {
          if (listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            this.removeListener(type, listener);
            break;
          }
        }
      }
    };
    module.exports = {
      CloseEvent: CloseEvent2,
      ErrorEvent: ErrorEvent2,
      Event: Event2,
      EventTarget,
      MessageEvent: MessageEvent2
    };
    function callListener(listener, thisArg, event) {
      if (typeof listener === "object" && listener.handleEvent) {
        listener.handleEvent.call(listener, event);
      } else {
        listener.call(thisArg, event);
      }
    }
  }
});

// node_modules/ws/lib/extension.js
var require_extension = __commonJS({
  "node_modules/ws/lib/extension.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function push(dest, name, elem) {
      if (dest[name] === void 0) dest[name] = [elem];
      else dest[name].push(elem);
    }
    function parse(header) {
      const offers = /* @__PURE__ */ Object.create(null);
      let params = /* @__PURE__ */ Object.create(null);
      let mustUnescape = false;
      let isEscaping = false;
      let inQuotes = false;
      let extensionName;
      let paramName;
      let start = -1;
      let code = -1;
      let end = -1;
      let i = 0;
      for (; i < header.length; i++) {
        code = header.charCodeAt(i);
        if (extensionName === void 0) {
          if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (i !== 0 && (code === 32 || code === 9)) {
            if (end === -1 && start !== -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            const name = header.slice(start, end);
            if (code === 44) {
              push(offers, name, params);
              params = /* @__PURE__ */ Object.create(null);
            } else {
              extensionName = name;
            }
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else if (paramName === void 0) {
          if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (code === 32 || code === 9) {
            if (end === -1 && start !== -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            push(params, header.slice(start, end), true);
            if (code === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            start = end = -1;
          } else if (code === 61 && start !== -1 && end === -1) {
            paramName = header.slice(start, i);
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else {
          if (isEscaping) {
            if (tokenChars[code] !== 1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (start === -1) start = i;
            else if (!mustUnescape) mustUnescape = true;
            isEscaping = false;
          } else if (inQuotes) {
            if (tokenChars[code] === 1) {
              if (start === -1) start = i;
            } else if (code === 34 && start !== -1) {
              inQuotes = false;
              end = i;
            } else if (code === 92) {
              isEscaping = true;
            } else {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
          } else if (code === 34 && header.charCodeAt(i - 1) === 61) {
            inQuotes = true;
          } else if (end === -1 && tokenChars[code] === 1) {
            if (start === -1) start = i;
          } else if (start !== -1 && (code === 32 || code === 9)) {
            if (end === -1) end = i;
          } else if (code === 59 || code === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            let value = header.slice(start, end);
            if (mustUnescape) {
              value = value.replace(/\\/g, "");
              mustUnescape = false;
            }
            push(params, paramName, value);
            if (code === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            paramName = void 0;
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        }
      }
      if (start === -1 || inQuotes || code === 32 || code === 9) {
        throw new SyntaxError("Unexpected end of input");
      }
      if (end === -1) end = i;
      const token = header.slice(start, end);
      if (extensionName === void 0) {
        push(offers, token, params);
      } else {
        if (paramName === void 0) {
          push(params, token, true);
        } else if (mustUnescape) {
          push(params, paramName, token.replace(/\\/g, ""));
        } else {
          push(params, paramName, token);
        }
        push(offers, extensionName, params);
      }
      return offers;
    }
    function format(extensions) {
      return Object.keys(extensions).map((extension2) => {
        let configurations = extensions[extension2];
        if (!Array.isArray(configurations)) configurations = [configurations];
        return configurations.map((params) => {
          return [extension2].concat(
            Object.keys(params).map((k) => {
              let values = params[k];
              if (!Array.isArray(values)) values = [values];
              return values.map((v) => v === true ? k : `${k}=${v}`).join("; ");
            })
          ).join("; ");
        }).join(", ");
      }).join(", ");
    }
    module.exports = { format, parse };
  }
});

// node_modules/ws/lib/websocket.js
var require_websocket = __commonJS({
  "node_modules/ws/lib/websocket.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events");
    var https = __require("https");
    var http = __require("http");
    var net = __require("net");
    var querystring = __require("querystring");
    var tls = __require("tls");
    var { randomBytes, createHash: createHash5 } = __require("crypto");
    var { Duplex, Readable: Readable2 } = __require("stream");
    var { URL: URL2 } = __require("url");
    var PerMessageDeflate2 = require_permessage_deflate();
    var Receiver2 = require_receiver();
    var Sender2 = require_sender();
    var { isBlob } = require_validation();
    var {
      BINARY_TYPES,
      CLOSE_TIMEOUT,
      EMPTY_BUFFER,
      GUID,
      kForOnEventAttribute,
      kListener,
      kStatusCode,
      kWebSocket,
      NOOP
    } = require_constants();
    var {
      EventTarget: { addEventListener: addEventListener2, removeEventListener }
    } = require_event_target();
    var { format, parse } = require_extension();
    var { toBuffer } = require_buffer_util();
    var kAborted = /* @__PURE__ */ Symbol("kAborted");
    var protocolVersions = [8, 13];
    var readyStates = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"];
    var subprotocolRegex = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;
    var WebSocket2 = class _WebSocket extends EventEmitter {
      /**
       * Create a new `WebSocket`.
       *
       * @param {(String|URL)} address The URL to which to connect
       * @param {(String|String[])} [protocols] The subprotocols
       * @param {Object} [options] Connection options
       */
      constructor(address, protocols, options) {
        super();
        this._binaryType = BINARY_TYPES[0];
        this._closeCode = 1006;
        this._closeFrameReceived = false;
        this._closeFrameSent = false;
        this._closeMessage = EMPTY_BUFFER;
        this._closeTimer = null;
        this._errorEmitted = false;
        this._extensions = {};
        this._paused = false;
        this._protocol = "";
        this._readyState = _WebSocket.CONNECTING;
        this._receiver = null;
        this._sender = null;
        this._socket = null;
        if (address !== null) {
          this._bufferedAmount = 0;
          this._isServer = false;
          this._redirects = 0;
          if (protocols === void 0) {
            if (!options || options.protocols === void 0) {
              protocols = [];
            } else if (Array.isArray(options.protocols)) {
              protocols = options.protocols;
            } else {
              protocols = [options.protocols];
            }
          } else if (!Array.isArray(protocols)) {
            if (typeof protocols === "object" && protocols !== null) {
              options = protocols;
              if (options.protocols === void 0) {
                protocols = [];
              } else if (Array.isArray(options.protocols)) {
                protocols = options.protocols;
              } else {
                protocols = [options.protocols];
              }
            } else {
              protocols = [protocols];
            }
          }
          options = initAsClient(this, address, protocols, options);
        } else {
          this._isServer = true;
        }
        if (options.autoPong) {
          this._autoPong = true;
          this._autoPongComplete = () => autoPongComplete(this);
          this._pendingAutoPongs = 0;
          this._maxPendingAutoPongs = options.maxPendingAutoPongs | 0;
        }
        this._closeTimeout = options.closeTimeout;
      }
      /**
       * For historical reasons, the custom "nodebuffer" type is used by the default
       * instead of "blob".
       *
       * @type {String}
       */
      get binaryType() {
        return this._binaryType;
      }
      set binaryType(type) {
        if (!BINARY_TYPES.includes(type)) return;
        this._binaryType = type;
        if (this._receiver) this._receiver._binaryType = type;
      }
      /**
       * @type {Number}
       */
      get bufferedAmount() {
        if (!this._socket) return this._bufferedAmount;
        return this._socket._writableState.length + this._sender._bufferedBytes;
      }
      /**
       * @type {String}
       */
      get extensions() {
        return Object.keys(this._extensions).join();
      }
      /**
       * @type {Boolean}
       */
      get isPaused() {
        return this._paused;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onclose() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onerror() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onopen() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onmessage() {
        return null;
      }
      /**
       * @type {String}
       */
      get protocol() {
        return this._protocol;
      }
      /**
       * @type {Number}
       */
      get readyState() {
        return this._readyState;
      }
      /**
       * @type {String}
       */
      get url() {
        return this._url;
      }
      /**
       * Set up the socket and the internal resources.
       *
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Object} options Options object
       * @param {Boolean} [options.allowSynchronousEvents=false] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message size
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @private
       */
      setSocket(socket, head, options) {
        const receiver = new Receiver2({
          allowSynchronousEvents: options.allowSynchronousEvents,
          binaryType: this.binaryType,
          extensions: this._extensions,
          isServer: this._isServer,
          maxBufferedChunks: options.maxBufferedChunks,
          maxFragments: options.maxFragments,
          maxPayload: options.maxPayload,
          skipUTF8Validation: options.skipUTF8Validation
        });
        const sender = new Sender2(socket, this._extensions, options.generateMask);
        this._receiver = receiver;
        this._sender = sender;
        this._socket = socket;
        receiver[kWebSocket] = this;
        sender[kWebSocket] = this;
        socket[kWebSocket] = this;
        receiver.on("conclude", receiverOnConclude);
        receiver.on("drain", receiverOnDrain);
        receiver.on("error", receiverOnError);
        receiver.on("message", receiverOnMessage);
        receiver.on("ping", receiverOnPing);
        receiver.on("pong", receiverOnPong);
        sender.onerror = senderOnError;
        if (socket.setTimeout) socket.setTimeout(0);
        if (socket.setNoDelay) socket.setNoDelay();
        if (head.length > 0) socket.unshift(head);
        socket.on("close", socketOnClose);
        socket.on("data", socketOnData);
        socket.on("end", socketOnEnd);
        socket.on("error", socketOnError);
        this._readyState = _WebSocket.OPEN;
        this.emit("open");
      }
      /**
       * Emit the `'close'` event.
       *
       * @private
       */
      emitClose() {
        if (!this._socket) {
          this._readyState = _WebSocket.CLOSED;
          this.emit("close", this._closeCode, this._closeMessage);
          return;
        }
        if (this._extensions[PerMessageDeflate2.extensionName]) {
          this._extensions[PerMessageDeflate2.extensionName].cleanup();
        }
        this._receiver.removeAllListeners();
        this._readyState = _WebSocket.CLOSED;
        this.emit("close", this._closeCode, this._closeMessage);
      }
      /**
       * Start a closing handshake.
       *
       *          +----------+   +-----------+   +----------+
       *     - - -|ws.close()|-->|close frame|-->|ws.close()|- - -
       *    |     +----------+   +-----------+   +----------+     |
       *          +----------+   +-----------+         |
       * CLOSING  |ws.close()|<--|close frame|<--+-----+       CLOSING
       *          +----------+   +-----------+   |
       *    |           |                        |   +---+        |
       *                +------------------------+-->|fin| - - - -
       *    |         +---+                      |   +---+
       *     - - - - -|fin|<---------------------+
       *              +---+
       *
       * @param {Number} [code] Status code explaining why the connection is closing
       * @param {(String|Buffer)} [data] The reason why the connection is
       *     closing
       * @public
       */
      close(code, data) {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake(this, this._req, msg);
          return;
        }
        if (this.readyState === _WebSocket.CLOSING) {
          if (this._closeFrameSent && (this._closeFrameReceived || this._receiver._writableState.errorEmitted)) {
            this._socket.end();
          }
          return;
        }
        this._sender.close(code, data, !this._isServer, (err) => {
          if (err) return;
          this._closeFrameSent = true;
          if (this._closeFrameReceived || this._receiver._writableState.errorEmitted) {
            this._socket.end();
          }
        });
        this._readyState = _WebSocket.CLOSING;
        setCloseTimer(this);
      }
      /**
       * Pause the socket.
       *
       * @public
       */
      pause() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = true;
        this._socket.pause();
      }
      /**
       * Send a ping.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the ping is sent
       * @public
       */
      ping(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.ping(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Send a pong.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the pong is sent
       * @public
       */
      pong(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.pong(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Resume the socket.
       *
       * @public
       */
      resume() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = false;
        if (!this._receiver._writableState.needDrain) this._socket.resume();
      }
      /**
       * Send a data message.
       *
       * @param {*} data The message to send
       * @param {Object} [options] Options object
       * @param {Boolean} [options.binary] Specifies whether `data` is binary or
       *     text
       * @param {Boolean} [options.compress] Specifies whether or not to compress
       *     `data`
       * @param {Boolean} [options.fin=true] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when data is written out
       * @public
       */
      send(data, options, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof options === "function") {
          cb = options;
          options = {};
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        const opts = {
          binary: typeof data !== "string",
          mask: !this._isServer,
          compress: true,
          fin: true,
          ...options
        };
        if (!this._extensions[PerMessageDeflate2.extensionName]) {
          opts.compress = false;
        }
        this._sender.send(data || EMPTY_BUFFER, opts, cb);
      }
      /**
       * Forcibly close the connection.
       *
       * @public
       */
      terminate() {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake(this, this._req, msg);
          return;
        }
        if (this._socket) {
          this._readyState = _WebSocket.CLOSING;
          this._socket.destroy();
        }
      }
    };
    Object.defineProperty(WebSocket2, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2.prototype, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2.prototype, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    [
      "binaryType",
      "bufferedAmount",
      "extensions",
      "isPaused",
      "protocol",
      "readyState",
      "url"
    ].forEach((property) => {
      Object.defineProperty(WebSocket2.prototype, property, { enumerable: true });
    });
    ["open", "error", "close", "message"].forEach((method) => {
      Object.defineProperty(WebSocket2.prototype, `on${method}`, {
        enumerable: true,
        get() {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) return listener[kListener];
          }
          return null;
        },
        set(handler) {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) {
              this.removeListener(method, listener);
              break;
            }
          }
          if (typeof handler !== "function") return;
          this.addEventListener(method, handler, {
            [kForOnEventAttribute]: true
          });
        }
      });
    });
    WebSocket2.prototype.addEventListener = addEventListener2;
    WebSocket2.prototype.removeEventListener = removeEventListener;
    module.exports = WebSocket2;
    function initAsClient(websocket, address, protocols, options) {
      const opts = {
        allowSynchronousEvents: true,
        autoPong: true,
        closeTimeout: CLOSE_TIMEOUT,
        protocolVersion: protocolVersions[1],
        maxBufferedChunks: 256 * 1024,
        maxFragments: 16 * 1024,
        maxPayload: 100 * 1024 * 1024,
        maxPendingAutoPongs: 60,
        skipUTF8Validation: false,
        perMessageDeflate: true,
        followRedirects: false,
        maxRedirects: 10,
        ...options,
        socketPath: void 0,
        hostname: void 0,
        protocol: void 0,
        protocols: void 0,
        timeout: void 0,
        method: "GET",
        host: void 0,
        path: void 0,
        port: void 0
      };
      if (!protocolVersions.includes(opts.protocolVersion)) {
        throw new RangeError(
          `Unsupported protocol version: ${opts.protocolVersion} (supported versions: ${protocolVersions.join(", ")})`
        );
      }
      let parsedUrl;
      if (address instanceof URL2) {
        parsedUrl = address;
      } else {
        try {
          parsedUrl = new URL2(address);
        } catch {
          throw new SyntaxError(`Invalid URL: ${address}`);
        }
      }
      if (parsedUrl.protocol === "http:" || parsedUrl.protocol === "https:") {
        parsedUrl = new URL2(parsedUrl);
        parsedUrl.protocol = parsedUrl.protocol === "http:" ? "ws:" : "wss:";
      }
      websocket._url = parsedUrl.href;
      const isSecure = parsedUrl.protocol === "wss:";
      const isIpcUrl = parsedUrl.protocol === "ws+unix:";
      let invalidUrlMessage;
      if (parsedUrl.protocol !== "ws:" && !isSecure && !isIpcUrl) {
        invalidUrlMessage = `The URL's protocol must be one of "ws:", "wss:", "http:", "https:", or "ws+unix:"`;
      } else if (isIpcUrl && !parsedUrl.pathname) {
        invalidUrlMessage = "The URL's pathname is empty";
      } else if (parsedUrl.hash) {
        invalidUrlMessage = "The URL contains a fragment identifier";
      }
      if (invalidUrlMessage) {
        const err = new SyntaxError(invalidUrlMessage);
        if (websocket._redirects === 0) {
          throw err;
        } else {
          emitErrorAndClose(websocket, err);
          return;
        }
      }
      const defaultPort = isSecure ? 443 : 80;
      const key = randomBytes(16).toString("base64");
      const request = isSecure ? https.request : http.request;
      const protocolSet = /* @__PURE__ */ new Set();
      let perMessageDeflate;
      opts.createConnection = opts.createConnection || (isSecure ? tlsConnect : netConnect);
      opts.defaultPort = opts.defaultPort || defaultPort;
      opts.port = parsedUrl.port || defaultPort;
      opts.host = parsedUrl.hostname.startsWith("[") ? parsedUrl.hostname.slice(1, -1) : parsedUrl.hostname;
      opts.headers = {
        ...opts.headers,
        "Sec-WebSocket-Version": opts.protocolVersion,
        "Sec-WebSocket-Key": key,
        Connection: "Upgrade",
        Upgrade: "websocket"
      };
      opts.path = parsedUrl.pathname + parsedUrl.search;
      opts.timeout = opts.handshakeTimeout;
      if (opts.perMessageDeflate) {
        perMessageDeflate = new PerMessageDeflate2({
          ...opts.perMessageDeflate,
          isServer: false,
          maxPayload: opts.maxPayload
        });
        opts.headers["Sec-WebSocket-Extensions"] = format({
          [PerMessageDeflate2.extensionName]: perMessageDeflate.offer()
        });
      }
      if (protocols.length) {
        for (const protocol of protocols) {
          if (typeof protocol !== "string" || !subprotocolRegex.test(protocol) || protocolSet.has(protocol)) {
            throw new SyntaxError(
              "An invalid or duplicated subprotocol was specified"
            );
          }
          protocolSet.add(protocol);
        }
        opts.headers["Sec-WebSocket-Protocol"] = protocols.join(",");
      }
      if (opts.origin) {
        if (opts.protocolVersion < 13) {
          opts.headers["Sec-WebSocket-Origin"] = opts.origin;
        } else {
          opts.headers.Origin = opts.origin;
        }
      }
      if (parsedUrl.username || parsedUrl.password) {
        const username = querystring.unescape(parsedUrl.username);
        const password = querystring.unescape(parsedUrl.password);
        opts.auth = `${username}:${password}`;
      }
      if (isIpcUrl) {
        const i = opts.path.indexOf(":");
        if (i === -1) {
          opts.socketPath = opts.path;
          opts.path = "";
        } else {
          opts.socketPath = opts.path.slice(0, i);
          opts.path = opts.path.slice(i + 1);
        }
      }
      let req;
      if (opts.followRedirects) {
        if (websocket._redirects === 0) {
          websocket._originalIpc = isIpcUrl;
          websocket._originalSecure = isSecure;
          websocket._originalHostOrSocketPath = isIpcUrl ? opts.socketPath : parsedUrl.host;
          const headers = options && options.headers;
          options = { ...options, headers: {} };
          if (headers) {
            for (const [key2, value] of Object.entries(headers)) {
              options.headers[key2.toLowerCase()] = value;
            }
          }
        } else if (websocket.listenerCount("redirect") === 0) {
          const isSameHost = isIpcUrl ? websocket._originalIpc ? opts.socketPath === websocket._originalHostOrSocketPath : false : websocket._originalIpc ? false : parsedUrl.host === websocket._originalHostOrSocketPath;
          if (!isSameHost || websocket._originalSecure && !isSecure) {
            delete opts.headers.authorization;
            delete opts.headers.cookie;
            if (!isSameHost) delete opts.headers.host;
            opts.auth = void 0;
          }
        }
        if (opts.auth && !options.headers.authorization) {
          options.headers.authorization = "Basic " + Buffer.from(opts.auth).toString("base64");
        }
        req = websocket._req = request(opts);
        if (websocket._redirects) {
          websocket.emit("redirect", websocket.url, req);
        }
      } else {
        req = websocket._req = request(opts);
      }
      if (opts.timeout) {
        req.on("timeout", () => {
          abortHandshake(websocket, req, "Opening handshake has timed out");
        });
      }
      req.on("error", (err) => {
        if (req === null || req[kAborted]) return;
        req = websocket._req = null;
        emitErrorAndClose(websocket, err);
      });
      req.on("response", (res) => {
        const location = res.headers.location;
        const statusCode = res.statusCode;
        if (location && opts.followRedirects && statusCode >= 300 && statusCode < 400) {
          if (++websocket._redirects > opts.maxRedirects) {
            abortHandshake(websocket, req, "Maximum redirects exceeded");
            return;
          }
          req.abort();
          let addr;
          try {
            addr = new URL2(location, address);
          } catch (e) {
            const err = new SyntaxError(`Invalid URL: ${location}`);
            emitErrorAndClose(websocket, err);
            return;
          }
          initAsClient(websocket, addr, protocols, options);
        } else if (!websocket.emit("unexpected-response", req, res)) {
          abortHandshake(
            websocket,
            req,
            `Unexpected server response: ${res.statusCode}`
          );
        }
      });
      req.on("upgrade", (res, socket, head) => {
        websocket.emit("upgrade", res);
        if (websocket.readyState !== WebSocket2.CONNECTING) return;
        req = websocket._req = null;
        const upgrade = res.headers.upgrade;
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          abortHandshake(websocket, socket, "Invalid Upgrade header");
          return;
        }
        const digest = createHash5("sha1").update(key + GUID).digest("base64");
        if (res.headers["sec-websocket-accept"] !== digest) {
          abortHandshake(websocket, socket, "Invalid Sec-WebSocket-Accept header");
          return;
        }
        const serverProt = res.headers["sec-websocket-protocol"];
        let protError;
        if (serverProt !== void 0) {
          if (!protocolSet.size) {
            protError = "Server sent a subprotocol but none was requested";
          } else if (!protocolSet.has(serverProt)) {
            protError = "Server sent an invalid subprotocol";
          }
        } else if (protocolSet.size) {
          protError = "Server sent no subprotocol";
        }
        if (protError) {
          abortHandshake(websocket, socket, protError);
          return;
        }
        if (serverProt) websocket._protocol = serverProt;
        const secWebSocketExtensions = res.headers["sec-websocket-extensions"];
        if (secWebSocketExtensions !== void 0) {
          if (!perMessageDeflate) {
            const message = "Server sent a Sec-WebSocket-Extensions header but no extension was requested";
            abortHandshake(websocket, socket, message);
            return;
          }
          let extensions;
          try {
            extensions = parse(secWebSocketExtensions);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake(websocket, socket, message);
            return;
          }
          const extensionNames = Object.keys(extensions);
          if (extensionNames.length !== 1 || extensionNames[0] !== PerMessageDeflate2.extensionName) {
            const message = "Server indicated an extension that was not requested";
            abortHandshake(websocket, socket, message);
            return;
          }
          try {
            perMessageDeflate.accept(extensions[PerMessageDeflate2.extensionName]);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake(websocket, socket, message);
            return;
          }
          websocket._extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
        }
        websocket.setSocket(socket, head, {
          allowSynchronousEvents: opts.allowSynchronousEvents,
          generateMask: opts.generateMask,
          maxBufferedChunks: opts.maxBufferedChunks,
          maxFragments: opts.maxFragments,
          maxPayload: opts.maxPayload,
          skipUTF8Validation: opts.skipUTF8Validation
        });
      });
      if (opts.finishRequest) {
        opts.finishRequest(req, websocket);
      } else {
        req.end();
      }
      return opts;
    }
    function emitErrorAndClose(websocket, err) {
      websocket._readyState = WebSocket2.CLOSING;
      websocket._errorEmitted = true;
      websocket.emit("error", err);
      websocket.emitClose();
    }
    function netConnect(options) {
      options.path = options.socketPath;
      return net.connect(options);
    }
    function tlsConnect(options) {
      options.path = void 0;
      if (!options.servername && options.servername !== "") {
        options.servername = net.isIP(options.host) ? "" : options.host;
      }
      return tls.connect(options);
    }
    function abortHandshake(websocket, stream, message) {
      websocket._readyState = WebSocket2.CLOSING;
      const err = new Error(message);
      Error.captureStackTrace(err, abortHandshake);
      if (stream.setHeader) {
        stream[kAborted] = true;
        stream.abort();
        if (stream.socket && !stream.socket.destroyed) {
          stream.socket.destroy();
        }
        process.nextTick(emitErrorAndClose, websocket, err);
      } else {
        stream.destroy(err);
        stream.once("error", websocket.emit.bind(websocket, "error"));
        stream.once("close", websocket.emitClose.bind(websocket));
      }
    }
    function sendAfterClose(websocket, data, cb) {
      if (data) {
        const length = isBlob(data) ? data.size : toBuffer(data).length;
        if (websocket._socket) websocket._sender._bufferedBytes += length;
        else websocket._bufferedAmount += length;
      }
      if (cb) {
        const err = new Error(
          `WebSocket is not open: readyState ${websocket.readyState} (${readyStates[websocket.readyState]})`
        );
        process.nextTick(cb, err);
      }
    }
    function receiverOnConclude(code, reason) {
      const websocket = this[kWebSocket];
      websocket._closeFrameReceived = true;
      websocket._closeCode = code;
      if (reason.length === 0) {
        websocket._closeMessage = EMPTY_BUFFER;
      } else {
        websocket._closeMessage = Buffer.allocUnsafeSlow(reason.length);
        websocket._closeMessage.set(reason);
      }
      if (websocket._socket[kWebSocket] === void 0) return;
      websocket._socket.removeListener("data", socketOnData);
      process.nextTick(resume, websocket._socket);
      if (code === 1005) websocket.close();
      else websocket.close(code, reason);
    }
    function receiverOnDrain() {
      const websocket = this[kWebSocket];
      if (!websocket.isPaused) websocket._socket.resume();
    }
    function receiverOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket._socket[kWebSocket] !== void 0) {
        websocket._socket.removeListener("data", socketOnData);
        process.nextTick(resume, websocket._socket);
        websocket.close(err[kStatusCode]);
      }
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function receiverOnFinish() {
      this[kWebSocket].emitClose();
    }
    function receiverOnMessage(data, isBinary) {
      this[kWebSocket].emit("message", data, isBinary);
    }
    function receiverOnPing(data) {
      const websocket = this[kWebSocket];
      if (websocket._autoPong && websocket.readyState === WebSocket2.OPEN) {
        if (websocket._maxPendingAutoPongs > 0 && websocket._pendingAutoPongs >= websocket._maxPendingAutoPongs) {
          websocket.terminate();
        } else {
          websocket._pendingAutoPongs++;
          websocket.pong(data, !this._isServer, websocket._autoPongComplete);
        }
      }
      websocket.emit("ping", data);
    }
    function autoPongComplete(websocket) {
      websocket._pendingAutoPongs--;
    }
    function receiverOnPong(data) {
      this[kWebSocket].emit("pong", data);
    }
    function resume(stream) {
      stream.resume();
    }
    function senderOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket.readyState === WebSocket2.CLOSED) return;
      if (websocket.readyState === WebSocket2.OPEN) {
        websocket._readyState = WebSocket2.CLOSING;
        setCloseTimer(websocket);
      }
      this._socket.end();
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function setCloseTimer(websocket) {
      websocket._closeTimer = setTimeout(
        websocket._socket.destroy.bind(websocket._socket),
        websocket._closeTimeout
      );
    }
    function socketOnClose() {
      const websocket = this[kWebSocket];
      this.removeListener("close", socketOnClose);
      this.removeListener("data", socketOnData);
      this.removeListener("end", socketOnEnd);
      websocket._readyState = WebSocket2.CLOSING;
      if (!this._readableState.endEmitted && !websocket._closeFrameReceived && !websocket._receiver._writableState.errorEmitted && this._readableState.length !== 0) {
        const chunk = this.read(this._readableState.length);
        websocket._receiver.write(chunk);
      }
      websocket._receiver.end();
      this[kWebSocket] = void 0;
      clearTimeout(websocket._closeTimer);
      if (websocket._receiver._writableState.finished || websocket._receiver._writableState.errorEmitted) {
        websocket.emitClose();
      } else {
        websocket._receiver.on("error", receiverOnFinish);
        websocket._receiver.on("finish", receiverOnFinish);
      }
    }
    function socketOnData(chunk) {
      if (!this[kWebSocket]._receiver.write(chunk)) {
        this.pause();
      }
    }
    function socketOnEnd() {
      const websocket = this[kWebSocket];
      websocket._readyState = WebSocket2.CLOSING;
      websocket._receiver.end();
      this.end();
    }
    function socketOnError() {
      const websocket = this[kWebSocket];
      this.removeListener("error", socketOnError);
      this.on("error", NOOP);
      if (websocket) {
        websocket._readyState = WebSocket2.CLOSING;
        this.destroy();
      }
    }
  }
});

// node_modules/ws/lib/stream.js
var require_stream = __commonJS({
  "node_modules/ws/lib/stream.js"(exports, module) {
    "use strict";
    var WebSocket2 = require_websocket();
    var { Duplex } = __require("stream");
    function emitClose(stream) {
      stream.emit("close");
    }
    function duplexOnEnd() {
      if (!this.destroyed && this._writableState.finished) {
        this.destroy();
      }
    }
    function duplexOnError(err) {
      this.removeListener("error", duplexOnError);
      this.destroy();
      if (this.listenerCount("error") === 0) {
        this.emit("error", err);
      }
    }
    function createWebSocketStream2(ws, options) {
      let terminateOnDestroy = true;
      const duplex = new Duplex({
        ...options,
        autoDestroy: false,
        emitClose: false,
        objectMode: false,
        writableObjectMode: false
      });
      ws.on("message", function message(msg, isBinary) {
        const data = !isBinary && duplex._readableState.objectMode ? msg.toString() : msg;
        if (!duplex.push(data)) ws.pause();
      });
      ws.once("error", function error(err) {
        if (duplex.destroyed) return;
        terminateOnDestroy = false;
        duplex.destroy(err);
      });
      ws.once("close", function close() {
        if (duplex.destroyed) return;
        duplex.push(null);
      });
      duplex._destroy = function(err, callback) {
        if (ws.readyState === ws.CLOSED) {
          callback(err);
          process.nextTick(emitClose, duplex);
          return;
        }
        let called = false;
        ws.once("error", function error(err2) {
          called = true;
          callback(err2);
        });
        ws.once("close", function close() {
          if (!called) callback(err);
          process.nextTick(emitClose, duplex);
        });
        if (terminateOnDestroy) ws.terminate();
      };
      duplex._final = function(callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open() {
            duplex._final(callback);
          });
          return;
        }
        if (ws._socket === null) return;
        if (ws._socket._writableState.finished) {
          callback();
          if (duplex._readableState.endEmitted) duplex.destroy();
        } else {
          ws._socket.once("finish", function finish() {
            callback();
          });
          ws.close();
        }
      };
      duplex._read = function() {
        if (ws.isPaused) ws.resume();
      };
      duplex._write = function(chunk, encoding, callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open() {
            duplex._write(chunk, encoding, callback);
          });
          return;
        }
        ws.send(chunk, callback);
      };
      duplex.on("end", duplexOnEnd);
      duplex.on("error", duplexOnError);
      return duplex;
    }
    module.exports = createWebSocketStream2;
  }
});

// node_modules/ws/lib/subprotocol.js
var require_subprotocol = __commonJS({
  "node_modules/ws/lib/subprotocol.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function parse(header) {
      const protocols = /* @__PURE__ */ new Set();
      let start = -1;
      let end = -1;
      let i = 0;
      for (i; i < header.length; i++) {
        const code = header.charCodeAt(i);
        if (end === -1 && tokenChars[code] === 1) {
          if (start === -1) start = i;
        } else if (i !== 0 && (code === 32 || code === 9)) {
          if (end === -1 && start !== -1) end = i;
        } else if (code === 44) {
          if (start === -1) {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
          if (end === -1) end = i;
          const protocol2 = header.slice(start, end);
          if (protocols.has(protocol2)) {
            throw new SyntaxError(`The "${protocol2}" subprotocol is duplicated`);
          }
          protocols.add(protocol2);
          start = end = -1;
        } else {
          throw new SyntaxError(`Unexpected character at index ${i}`);
        }
      }
      if (start === -1 || end !== -1) {
        throw new SyntaxError("Unexpected end of input");
      }
      const protocol = header.slice(start, i);
      if (protocols.has(protocol)) {
        throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
      }
      protocols.add(protocol);
      return protocols;
    }
    module.exports = { parse };
  }
});

// node_modules/ws/lib/websocket-server.js
var require_websocket_server = __commonJS({
  "node_modules/ws/lib/websocket-server.js"(exports, module) {
    "use strict";
    var EventEmitter = __require("events");
    var http = __require("http");
    var { Duplex } = __require("stream");
    var { createHash: createHash5 } = __require("crypto");
    var extension2 = require_extension();
    var PerMessageDeflate2 = require_permessage_deflate();
    var subprotocol2 = require_subprotocol();
    var WebSocket2 = require_websocket();
    var { CLOSE_TIMEOUT, GUID, kWebSocket } = require_constants();
    var keyRegex = /^[+/0-9A-Za-z]{22}==$/;
    var RUNNING = 0;
    var CLOSING = 1;
    var CLOSED = 2;
    var WebSocketServer2 = class extends EventEmitter {
      /**
       * Create a `WebSocketServer` instance.
       *
       * @param {Object} options Configuration options
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Boolean} [options.autoPong=true] Specifies whether or not to
       *     automatically send a pong in response to a ping
       * @param {Number} [options.backlog=511] The maximum length of the queue of
       *     pending connections
       * @param {Boolean} [options.clientTracking=true] Specifies whether or not to
       *     track clients
       * @param {Number} [options.closeTimeout=30000] Duration in milliseconds to
       *     wait for the closing handshake to finish after `websocket.close()` is
       *     called
       * @param {Function} [options.handleProtocols] A hook to handle protocols
       * @param {String} [options.host] The hostname where to bind the server
       * @param {Number} [options.maxBufferedChunks=262144] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=16384] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=104857600] The maximum allowed message
       *     size
       * @param {Number} [options.maxPendingAutoPongs=60] The maximum number of
       *     pending automatic pongs
       * @param {Boolean} [options.noServer=false] Enable no server mode
       * @param {String} [options.path] Accept only connections matching this path
       * @param {(Boolean|Object)} [options.perMessageDeflate=false] Enable/disable
       *     permessage-deflate
       * @param {Number} [options.port] The port where to bind the server
       * @param {(http.Server|https.Server)} [options.server] A pre-created HTTP/S
       *     server to use
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @param {Function} [options.verifyClient] A hook to reject connections
       * @param {Function} [options.WebSocket=WebSocket] Specifies the `WebSocket`
       *     class to use. It must be the `WebSocket` class or class that extends it
       * @param {Function} [callback] A listener for the `listening` event
       */
      constructor(options, callback) {
        super();
        options = {
          allowSynchronousEvents: true,
          autoPong: true,
          maxBufferedChunks: 256 * 1024,
          maxFragments: 16 * 1024,
          maxPayload: 100 * 1024 * 1024,
          maxPendingAutoPongs: 60,
          skipUTF8Validation: false,
          perMessageDeflate: false,
          handleProtocols: null,
          clientTracking: true,
          closeTimeout: CLOSE_TIMEOUT,
          verifyClient: null,
          noServer: false,
          backlog: null,
          // use default (511 as implemented in net.js)
          server: null,
          host: null,
          path: null,
          port: null,
          WebSocket: WebSocket2,
          ...options
        };
        if (options.port == null && !options.server && !options.noServer || options.port != null && (options.server || options.noServer) || options.server && options.noServer) {
          throw new TypeError(
            'One and only one of the "port", "server", or "noServer" options must be specified'
          );
        }
        if (options.port != null) {
          this._server = http.createServer((req, res) => {
            const body = http.STATUS_CODES[426];
            res.writeHead(426, {
              "Content-Length": body.length,
              "Content-Type": "text/plain"
            });
            res.end(body);
          });
          this._server.listen(
            options.port,
            options.host,
            options.backlog,
            callback
          );
        } else if (options.server) {
          this._server = options.server;
        }
        if (this._server) {
          const emitConnection = this.emit.bind(this, "connection");
          this._removeListeners = addListeners(this._server, {
            listening: this.emit.bind(this, "listening"),
            error: this.emit.bind(this, "error"),
            upgrade: (req, socket, head) => {
              this.handleUpgrade(req, socket, head, emitConnection);
            }
          });
        }
        if (options.perMessageDeflate === true) options.perMessageDeflate = {};
        if (options.clientTracking) {
          this.clients = /* @__PURE__ */ new Set();
          this._shouldEmitClose = false;
        }
        this.options = options;
        this._state = RUNNING;
      }
      /**
       * Returns the bound address, the address family name, and port of the server
       * as reported by the operating system if listening on an IP socket.
       * If the server is listening on a pipe or UNIX domain socket, the name is
       * returned as a string.
       *
       * @return {(Object|String|null)} The address of the server
       * @public
       */
      address() {
        if (this.options.noServer) {
          throw new Error('The server is operating in "noServer" mode');
        }
        if (!this._server) return null;
        return this._server.address();
      }
      /**
       * Stop the server from accepting new connections and emit the `'close'` event
       * when all existing connections are closed.
       *
       * @param {Function} [cb] A one-time listener for the `'close'` event
       * @public
       */
      close(cb) {
        if (this._state === CLOSED) {
          if (cb) {
            this.once("close", () => {
              cb(new Error("The server is not running"));
            });
          }
          process.nextTick(emitClose, this);
          return;
        }
        if (cb) this.once("close", cb);
        if (this._state === CLOSING) return;
        this._state = CLOSING;
        if (this.options.noServer || this.options.server) {
          if (this._server) {
            this._removeListeners();
            this._removeListeners = this._server = null;
          }
          if (this.clients) {
            if (!this.clients.size) {
              process.nextTick(emitClose, this);
            } else {
              this._shouldEmitClose = true;
            }
          } else {
            process.nextTick(emitClose, this);
          }
        } else {
          const server = this._server;
          this._removeListeners();
          this._removeListeners = this._server = null;
          server.close(() => {
            emitClose(this);
          });
        }
      }
      /**
       * See if a given request should be handled by this server instance.
       *
       * @param {http.IncomingMessage} req Request object to inspect
       * @return {Boolean} `true` if the request is valid, else `false`
       * @public
       */
      shouldHandle(req) {
        if (this.options.path) {
          const index = req.url.indexOf("?");
          const pathname = index !== -1 ? req.url.slice(0, index) : req.url;
          if (pathname !== this.options.path) return false;
        }
        return true;
      }
      /**
       * Handle a HTTP Upgrade request.
       *
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @public
       */
      handleUpgrade(req, socket, head, cb) {
        socket.on("error", socketOnError);
        const key = req.headers["sec-websocket-key"];
        const upgrade = req.headers.upgrade;
        const version = +req.headers["sec-websocket-version"];
        if (req.method !== "GET") {
          const message = "Invalid HTTP method";
          abortHandshakeOrEmitwsClientError(this, req, socket, 405, message);
          return;
        }
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          const message = "Invalid Upgrade header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (key === void 0 || !keyRegex.test(key)) {
          const message = "Missing or invalid Sec-WebSocket-Key header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (version !== 13 && version !== 8) {
          const message = "Missing or invalid Sec-WebSocket-Version header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message, {
            "Sec-WebSocket-Version": "13, 8"
          });
          return;
        }
        if (!this.shouldHandle(req)) {
          abortHandshake(socket, 400);
          return;
        }
        const secWebSocketProtocol = req.headers["sec-websocket-protocol"];
        let protocols = /* @__PURE__ */ new Set();
        if (secWebSocketProtocol !== void 0) {
          try {
            protocols = subprotocol2.parse(secWebSocketProtocol);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Protocol header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        const secWebSocketExtensions = req.headers["sec-websocket-extensions"];
        const extensions = {};
        if (this.options.perMessageDeflate && secWebSocketExtensions !== void 0) {
          const perMessageDeflate = new PerMessageDeflate2({
            ...this.options.perMessageDeflate,
            isServer: true,
            maxPayload: this.options.maxPayload
          });
          try {
            const offers = extension2.parse(secWebSocketExtensions);
            if (offers[PerMessageDeflate2.extensionName]) {
              perMessageDeflate.accept(offers[PerMessageDeflate2.extensionName]);
              extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
            }
          } catch (err) {
            const message = "Invalid or unacceptable Sec-WebSocket-Extensions header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        if (this.options.verifyClient) {
          const info = {
            origin: req.headers[`${version === 8 ? "sec-websocket-origin" : "origin"}`],
            secure: !!(req.socket.authorized || req.socket.encrypted),
            req
          };
          if (this.options.verifyClient.length === 2) {
            this.options.verifyClient(info, (verified, code, message, headers) => {
              if (!verified) {
                return abortHandshake(socket, code || 401, message, headers);
              }
              this.completeUpgrade(
                extensions,
                key,
                protocols,
                req,
                socket,
                head,
                cb
              );
            });
            return;
          }
          if (!this.options.verifyClient(info)) return abortHandshake(socket, 401);
        }
        this.completeUpgrade(extensions, key, protocols, req, socket, head, cb);
      }
      /**
       * Upgrade the connection to WebSocket.
       *
       * @param {Object} extensions The accepted extensions
       * @param {String} key The value of the `Sec-WebSocket-Key` header
       * @param {Set} protocols The subprotocols
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @throws {Error} If called more than once with the same socket
       * @private
       */
      completeUpgrade(extensions, key, protocols, req, socket, head, cb) {
        if (!socket.readable || !socket.writable) return socket.destroy();
        if (socket[kWebSocket]) {
          throw new Error(
            "server.handleUpgrade() was called more than once with the same socket, possibly due to a misconfiguration"
          );
        }
        if (this._state > RUNNING) return abortHandshake(socket, 503);
        const digest = createHash5("sha1").update(key + GUID).digest("base64");
        const headers = [
          "HTTP/1.1 101 Switching Protocols",
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Accept: ${digest}`
        ];
        const ws = new this.options.WebSocket(null, void 0, this.options);
        if (protocols.size) {
          const protocol = this.options.handleProtocols ? this.options.handleProtocols(protocols, req) : protocols.values().next().value;
          if (protocol) {
            headers.push(`Sec-WebSocket-Protocol: ${protocol}`);
            ws._protocol = protocol;
          }
        }
        if (extensions[PerMessageDeflate2.extensionName]) {
          const params = extensions[PerMessageDeflate2.extensionName].params;
          const value = extension2.format({
            [PerMessageDeflate2.extensionName]: [params]
          });
          headers.push(`Sec-WebSocket-Extensions: ${value}`);
          ws._extensions = extensions;
        }
        this.emit("headers", headers, req);
        socket.write(headers.concat("\r\n").join("\r\n"));
        socket.removeListener("error", socketOnError);
        ws.setSocket(socket, head, {
          allowSynchronousEvents: this.options.allowSynchronousEvents,
          maxBufferedChunks: this.options.maxBufferedChunks,
          maxFragments: this.options.maxFragments,
          maxPayload: this.options.maxPayload,
          skipUTF8Validation: this.options.skipUTF8Validation
        });
        if (this.clients) {
          this.clients.add(ws);
          ws.on("close", () => {
            this.clients.delete(ws);
            if (this._shouldEmitClose && !this.clients.size) {
              process.nextTick(emitClose, this);
            }
          });
        }
        cb(ws, req);
      }
    };
    module.exports = WebSocketServer2;
    function addListeners(server, map) {
      for (const event of Object.keys(map)) server.on(event, map[event]);
      return function removeListeners() {
        for (const event of Object.keys(map)) {
          server.removeListener(event, map[event]);
        }
      };
    }
    function emitClose(server) {
      server._state = CLOSED;
      server.emit("close");
    }
    function socketOnError() {
      this.destroy();
    }
    function abortHandshake(socket, code, message, headers) {
      message = message || http.STATUS_CODES[code];
      headers = {
        Connection: "close",
        "Content-Type": "text/html",
        "Content-Length": Buffer.byteLength(message),
        ...headers
      };
      socket.once("finish", socket.destroy);
      socket.end(
        `HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r
` + Object.keys(headers).map((h) => `${h}: ${headers[h]}`).join("\r\n") + "\r\n\r\n" + message
      );
    }
    function abortHandshakeOrEmitwsClientError(server, req, socket, code, message, headers) {
      if (server.listenerCount("wsClientError")) {
        const err = new Error(message);
        Error.captureStackTrace(err, abortHandshakeOrEmitwsClientError);
        server.emit("wsClientError", err, socket, req);
      } else {
        abortHandshake(socket, code, message, headers);
      }
    }
  }
});

// node_modules/rate-limiter-flexible/lib/component/BlockedKeys/BlockedKeys.js
var require_BlockedKeys = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/BlockedKeys/BlockedKeys.js"(exports, module) {
    module.exports = class BlockedKeys {
      constructor() {
        this._keys = /* @__PURE__ */ new Map();
      }
      collectExpired() {
        const now = Date.now();
        for (const [key, expire] of this._keys) {
          if (expire <= now) {
            this._keys.delete(key);
          }
        }
      }
      /**
       * Add new blocked key
       *
       * @param key String
       * @param sec Number
       */
      add(key, sec) {
        this.addMs(key, sec * 1e3);
      }
      /**
       * Add new blocked key for ms
       *
       * @param key String
       * @param ms Number
       */
      addMs(key, ms) {
        this._keys.set(key, Date.now() + ms);
        if (this._keys.size > 999) {
          this.collectExpired();
        }
      }
      /**
       * 0 means not blocked
       *
       * @param key
       * @returns {number}
       */
      msBeforeExpire(key) {
        const expire = this._keys.get(key);
        const now = Date.now();
        if (expire && expire >= now) {
          return expire - now;
        }
        return 0;
      }
      /**
       * If key is not given, delete all data in memory
       *
       * @param {string|undefined} key
       */
      delete(key) {
        if (key) {
          this._keys.delete(key);
        } else {
          this._keys.clear();
        }
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/component/BlockedKeys/index.js
var require_BlockedKeys2 = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/BlockedKeys/index.js"(exports, module) {
    var BlockedKeys = require_BlockedKeys();
    module.exports = BlockedKeys;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterRes.js
var require_RateLimiterRes = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterRes.js"(exports, module) {
    module.exports = class RateLimiterRes {
      constructor(remainingPoints, msBeforeNext, consumedPoints, isFirstInDuration) {
        this.remainingPoints = typeof remainingPoints === "undefined" ? 0 : remainingPoints;
        this.msBeforeNext = typeof msBeforeNext === "undefined" ? 0 : msBeforeNext;
        this.consumedPoints = typeof consumedPoints === "undefined" ? 0 : consumedPoints;
        this.isFirstInDuration = typeof isFirstInDuration === "undefined" ? false : isFirstInDuration;
      }
      get msBeforeNext() {
        return this._msBeforeNext;
      }
      set msBeforeNext(ms) {
        this._msBeforeNext = ms;
        return this;
      }
      get remainingPoints() {
        return this._remainingPoints;
      }
      set remainingPoints(p) {
        this._remainingPoints = p;
        return this;
      }
      get consumedPoints() {
        return this._consumedPoints;
      }
      set consumedPoints(p) {
        this._consumedPoints = p;
        return this;
      }
      get isFirstInDuration() {
        return this._isFirstInDuration;
      }
      set isFirstInDuration(value) {
        this._isFirstInDuration = Boolean(value);
      }
      _getDecoratedProperties() {
        return {
          remainingPoints: this.remainingPoints,
          msBeforeNext: this.msBeforeNext,
          consumedPoints: this.consumedPoints,
          isFirstInDuration: this.isFirstInDuration
        };
      }
      [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
        return this._getDecoratedProperties();
      }
      toString() {
        return JSON.stringify(this._getDecoratedProperties());
      }
      toJSON() {
        return this._getDecoratedProperties();
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterAbstract.js
var require_RateLimiterAbstract = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterAbstract.js"(exports, module) {
    module.exports = class RateLimiterAbstract {
      /**
       *
       * @param opts Object {
       *   points: <required>, // Number of points (must be a number, can be negative)
       *   duration: <required>, // Per seconds (must be a non-negative number, 0 = never expires)
       *   blockDuration: 0, // Block if consumed more than points in current duration for blockDuration seconds
       *   execEvenly: false, // Execute allowed actions evenly over duration
       *   execEvenlyMinDelayMs: duration * 1000 / points, // ms, works with execEvenly=true option
       *   keyPrefix: 'rlflx',
       * }
       */
      constructor(opts = {}) {
        this.points = opts.points;
        this.duration = opts.duration;
        this.blockDuration = opts.blockDuration;
        this.execEvenly = opts.execEvenly;
        this.execEvenlyMinDelayMs = opts.execEvenlyMinDelayMs;
        this.keyPrefix = opts.keyPrefix;
      }
      get points() {
        return this._points;
      }
      set points(value) {
        if (Number.isFinite(value)) {
          this._points = value;
        } else {
          throw new Error("points must be set and must be a finite number");
        }
      }
      get duration() {
        return this._duration;
      }
      set duration(value) {
        if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
          this._duration = value;
        } else {
          throw new Error("duration must be set and must be a finite, non-negative number");
        }
      }
      get msDuration() {
        return this.duration * 1e3;
      }
      get blockDuration() {
        return this._blockDuration;
      }
      set blockDuration(value) {
        this._blockDuration = typeof value === "undefined" ? 0 : value;
      }
      get msBlockDuration() {
        return this.blockDuration * 1e3;
      }
      get execEvenly() {
        return this._execEvenly;
      }
      set execEvenly(value) {
        this._execEvenly = typeof value === "undefined" ? false : Boolean(value);
      }
      get execEvenlyMinDelayMs() {
        return this._execEvenlyMinDelayMs === void 0 ? this._getExecEvenlyMinDelayMsDefault() : this._execEvenlyMinDelayMs;
      }
      set execEvenlyMinDelayMs(value) {
        this._execEvenlyMinDelayMs = value;
      }
      _getExecEvenlyMinDelayMsDefault() {
        return this.points > 0 ? Math.ceil(this.msDuration / this.points) : 0;
      }
      get keyPrefix() {
        return this._keyPrefix;
      }
      set keyPrefix(value) {
        if (typeof value === "undefined") {
          value = "rlflx";
        }
        if (typeof value !== "string") {
          throw new Error("keyPrefix must be string");
        }
        this._keyPrefix = value;
      }
      _getKeySecDuration(options = {}) {
        return options && options.customDuration >= 0 ? options.customDuration : this.duration;
      }
      getKey(key) {
        return this.keyPrefix.length > 0 ? `${this.keyPrefix}:${key}` : key;
      }
      parseKey(rlKey) {
        return this.keyPrefix.length > 0 ? rlKey.substring(this.keyPrefix.length + 1) : rlKey;
      }
      consume() {
        throw new Error("You have to implement the method 'consume'!");
      }
      penalty() {
        throw new Error("You have to implement the method 'penalty'!");
      }
      reward() {
        throw new Error("You have to implement the method 'reward'!");
      }
      get() {
        throw new Error("You have to implement the method 'get'!");
      }
      set() {
        throw new Error("You have to implement the method 'set'!");
      }
      block() {
        throw new Error("You have to implement the method 'block'!");
      }
      delete() {
        throw new Error("You have to implement the method 'delete'!");
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterCompatibleAbstract.js
var require_RateLimiterCompatibleAbstract = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterCompatibleAbstract.js"(exports, module) {
    module.exports = class RateLimiterCompatibleAbstract {
      get keyPrefix() {
        throw new Error("You have to implement the getter 'keyPrefix'!");
      }
      get blockDuration() {
        throw new Error("You have to implement the getter 'blockDuration'!");
      }
      set blockDuration(value) {
        throw new Error("You have to implement the setter 'blockDuration'!");
      }
      get execEvenly() {
        throw new Error("You have to implement the getter 'execEvenly'!");
      }
      set execEvenly(value) {
        throw new Error("You have to implement the setter 'execEvenly'!");
      }
      consume() {
        throw new Error("You have to implement the method 'consume'!");
      }
      penalty() {
        throw new Error("You have to implement the method 'penalty'!");
      }
      reward() {
        throw new Error("You have to implement the method 'reward'!");
      }
      get() {
        throw new Error("You have to implement the method 'get'!");
      }
      set() {
        throw new Error("You have to implement the method 'set'!");
      }
      block() {
        throw new Error("You have to implement the method 'block'!");
      }
      delete() {
        throw new Error("You have to implement the method 'delete'!");
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/helper/isRateLimiterCompatible.js
var require_isRateLimiterCompatible = __commonJS({
  "node_modules/rate-limiter-flexible/lib/helper/isRateLimiterCompatible.js"(exports, module) {
    var RateLimiterAbstract = require_RateLimiterAbstract();
    var RateLimiterCompatibleAbstract = require_RateLimiterCompatibleAbstract();
    module.exports = function isRateLimiterCompatible(obj) {
      return obj instanceof RateLimiterAbstract || obj instanceof RateLimiterCompatibleAbstract;
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterInsuredAbstract.js
var require_RateLimiterInsuredAbstract = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterInsuredAbstract.js"(exports, module) {
    var RateLimiterAbstract = require_RateLimiterAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var isRateLimiterCompatible = require_isRateLimiterCompatible();
    module.exports = class RateLimiterInsuredAbstract extends RateLimiterAbstract {
      constructor(opts = {}) {
        super(opts);
        this.insuranceLimiter = opts.insuranceLimiter;
      }
      get insuranceLimiter() {
        return this._insuranceLimiter;
      }
      set insuranceLimiter(value) {
        if (typeof value !== "undefined" && !isRateLimiterCompatible(value)) {
          throw new Error("insuranceLimiter must be instance of RateLimiterAbstract or RateLimiterCompatibleAbstract");
        }
        this._insuranceLimiter = value;
        if (this._insuranceLimiter) {
          this._insuranceLimiter.blockDuration = this.blockDuration;
          this._insuranceLimiter.execEvenly = this.execEvenly;
        }
      }
      _handleError(err, funcName, resolve, reject, params) {
        if (err instanceof RateLimiterRes2) {
          reject(err);
        } else if (!isRateLimiterCompatible(this.insuranceLimiter)) {
          reject(err);
        } else {
          this.insuranceLimiter[funcName](...params).then((res) => {
            resolve(res);
          }).catch((res) => {
            reject(res);
          });
        }
      }
      _operation(funcName, params) {
        const promise = this[funcName](...params);
        return new Promise((resolve, reject) => {
          return promise.then((res) => {
            resolve(res);
          }).catch((err) => {
            if (funcName.startsWith("_")) {
              funcName = funcName.slice(1);
            }
            this._handleError(err, funcName, resolve, reject, params);
          });
        });
      }
      consume(key, pointsToConsume = 1, options = {}) {
        return this._operation("_consume", [key, pointsToConsume, options]);
      }
      penalty(key, points = 1, options = {}) {
        return this._operation("_penalty", [key, points, options]);
      }
      reward(key, points = 1, options = {}) {
        return this._operation("_reward", [key, points, options]);
      }
      get(key, options = {}) {
        return this._operation("_get", [key, options]);
      }
      set(key, points, secDuration, options = {}) {
        return this._operation("_set", [key, points, secDuration, options]);
      }
      block(key, secDuration, options = {}) {
        return this._operation("_block", [key, secDuration, options]);
      }
      delete(key, options = {}) {
        return this._operation("_delete", [key, options]);
      }
      _consume() {
        throw new Error("You have to implement the method '_consume'!");
      }
      _penalty() {
        throw new Error("You have to implement the method '_penalty'!");
      }
      _reward() {
        throw new Error("You have to implement the method '_reward'!");
      }
      _get() {
        throw new Error("You have to implement the method '_get'!");
      }
      _set() {
        throw new Error("You have to implement the method '_set'!");
      }
      _block() {
        throw new Error("You have to implement the method '_block'!");
      }
      _delete() {
        throw new Error("You have to implement the method '_delete'!");
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterStoreAbstract.js
var require_RateLimiterStoreAbstract = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterStoreAbstract.js"(exports, module) {
    var BlockedKeys = require_BlockedKeys2();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterInsuredAbstract = require_RateLimiterInsuredAbstract();
    module.exports = class RateLimiterStoreAbstract extends RateLimiterInsuredAbstract {
      /**
       *
       * @param opts Object Defaults {
       *   ... see other in RateLimiterAbstract
       *   blockOnConsumed: 0, // Number of consumed points at which the key is blocked in storage for blockDuration
       *   inMemoryBlockOnConsumed: 40, // Number of points when key is blocked
       *   inMemoryBlockDuration: 10, // Block duration in seconds
       *   insuranceLimiter: RateLimiterAbstract
       * }
       */
      constructor(opts = {}) {
        super(opts);
        this.blockOnConsumed = opts.blockOnConsumed;
        this.inMemoryBlockOnConsumed = opts.inMemoryBlockOnConsumed;
        this.inMemoryBlockDuration = opts.inMemoryBlockDuration;
        this._inMemoryBlockedKeys = new BlockedKeys();
      }
      get client() {
        return this._client;
      }
      set client(value) {
        if (typeof value === "undefined") {
          throw new Error("storeClient is not set");
        }
        this._client = value;
      }
      /**
       * Have to be launched after consume
       * It blocks key and execute evenly depending on result from store
       *
       * It uses _getRateLimiterRes function to prepare RateLimiterRes from store result
       *
       * @param resolve
       * @param reject
       * @param rlKey
       * @param changedPoints
       * @param storeResult
       * @param {Object} options
       * @private
       */
      _afterConsume(resolve, reject, rlKey, changedPoints, storeResult, options = {}) {
        const res = this._getRateLimiterRes(rlKey, changedPoints, storeResult);
        if (this.inMemoryBlockOnConsumed > 0 && !(this.inMemoryBlockDuration > 0) && res.consumedPoints >= this.inMemoryBlockOnConsumed) {
          this._inMemoryBlockedKeys.addMs(rlKey, res.msBeforeNext);
          if (res.consumedPoints > this.points) {
            return reject(res);
          } else {
            return resolve(res);
          }
        } else if (res.consumedPoints > this.points) {
          let blockPromise = Promise.resolve();
          if (this.blockDuration > 0 && this._crossedBlockThreshold(res.consumedPoints, changedPoints)) {
            res.msBeforeNext = this.msBlockDuration;
            blockPromise = this._block(rlKey, res.consumedPoints, this.msBlockDuration, options);
          }
          if (this.inMemoryBlockOnConsumed > 0 && res.consumedPoints >= this.inMemoryBlockOnConsumed) {
            this._inMemoryBlockedKeys.add(rlKey, this.inMemoryBlockDuration);
            res.msBeforeNext = this.msInMemoryBlockDuration;
          }
          blockPromise.then(() => {
            reject(res);
          }).catch((err) => {
            reject(err);
          });
        } else if (this.execEvenly && this.points > 0 && res.msBeforeNext > 0 && !res.isFirstInDuration) {
          let delay = Math.ceil(res.msBeforeNext / (res.remainingPoints + 2));
          if (delay < this.execEvenlyMinDelayMs) {
            delay = res.consumedPoints * this.execEvenlyMinDelayMs;
          }
          res.msBeforeNext = Math.max(res.msBeforeNext - delay, 0);
          setTimeout(resolve, delay, res);
        } else {
          resolve(res);
        }
      }
      /**
       * True when blockOnConsumed is set and greater than points.
       * 0 means off, so it must not be treated as a threshold when points is negative.
       */
      _isBlockOnConsumedEnabled() {
        return this.blockOnConsumed > 0 && this.blockOnConsumed > this.points;
      }
      /**
       * True when this consume is the one that crossed the storage blocking threshold.
       * Without blockOnConsumed (or when it equals points) it is the original condition:
       * the consume that first exceeded points.
       */
      _crossedBlockThreshold(consumedPoints, changedPoints) {
        if (!this._isBlockOnConsumedEnabled()) {
          return consumedPoints > this.points && consumedPoints <= this.points + changedPoints;
        }
        return consumedPoints >= this.blockOnConsumed && consumedPoints - changedPoints < this.blockOnConsumed;
      }
      getInMemoryBlockMsBeforeExpire(rlKey) {
        if (this.inMemoryBlockOnConsumed > 0) {
          return this._inMemoryBlockedKeys.msBeforeExpire(rlKey);
        }
        return 0;
      }
      get blockOnConsumed() {
        return this._blockOnConsumed;
      }
      set blockOnConsumed(value) {
        this._blockOnConsumed = value ? parseInt(value) : 0;
        if (this._blockOnConsumed > 0 && this.points > this._blockOnConsumed) {
          throw new Error('blockOnConsumed option must be greater or equal "points" option');
        }
      }
      get inMemoryBlockOnConsumed() {
        return this._inMemoryBlockOnConsumed;
      }
      set inMemoryBlockOnConsumed(value) {
        this._inMemoryBlockOnConsumed = value ? parseInt(value) : 0;
        if (this.inMemoryBlockOnConsumed > 0 && this.points > this.inMemoryBlockOnConsumed) {
          throw new Error('inMemoryBlockOnConsumed option must be greater or equal "points" option');
        }
      }
      get inMemoryBlockDuration() {
        return this._inMemoryBlockDuration;
      }
      set inMemoryBlockDuration(value) {
        this._inMemoryBlockDuration = value ? parseInt(value) : 0;
        if (this.inMemoryBlockDuration > 0 && this.inMemoryBlockOnConsumed === 0) {
          throw new Error("inMemoryBlockOnConsumed option must be set up");
        }
      }
      get msInMemoryBlockDuration() {
        return this._inMemoryBlockDuration * 1e3;
      }
      _getBlockedPoints() {
        return this._isBlockOnConsumedEnabled() ? this.blockOnConsumed : this.points + 1;
      }
      /**
       * Block any key for secDuration seconds
       *
       * @param key
       * @param secDuration
       * @param {Object} options
       *
       * @return Promise<RateLimiterRes>
       */
      block(key, secDuration, options = {}) {
        const msDuration = secDuration * 1e3;
        return this._block(this.getKey(key), this._getBlockedPoints(), msDuration, options);
      }
      /**
       * Set points by key for any duration
       *
       * @param key
       * @param points
       * @param secDuration
       * @param {Object} options
       *
       * @return Promise<RateLimiterRes>
       */
      set(key, points, secDuration, options = {}) {
        const msDuration = (secDuration >= 0 ? secDuration : this.duration) * 1e3;
        return this._set(this.getKey(key), points, msDuration, options);
      }
      /**
       *
       * @param key
       * @param pointsToConsume
       * @param {Object} options
       * @returns Promise<RateLimiterRes>
       */
      _consume(key, pointsToConsume = 1, options = {}) {
        return new Promise((resolve, reject) => {
          const rlKey = this.getKey(key);
          const inMemoryBlockMsBeforeExpire = this.getInMemoryBlockMsBeforeExpire(rlKey);
          if (inMemoryBlockMsBeforeExpire > 0) {
            return reject(new RateLimiterRes2(0, inMemoryBlockMsBeforeExpire));
          }
          this._upsert(rlKey, pointsToConsume, this._getKeySecDuration(options) * 1e3, false, options).then((res) => {
            this._afterConsume(resolve, reject, rlKey, pointsToConsume, res);
          }).catch((err) => reject(err));
        });
      }
      /**
       *
       * @param key
       * @param points
       * @param {Object} options
       * @returns Promise<RateLimiterRes>
       */
      _penalty(key, points = 1, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve, reject) => {
          this._upsert(rlKey, points, this._getKeySecDuration(options) * 1e3, false, options).then((res) => {
            resolve(this._getRateLimiterRes(rlKey, points, res));
          }).catch((res) => reject(res));
        });
      }
      /**
       *
       * @param key
       * @param points
       * @param {Object} options
       * @returns Promise<RateLimiterRes>
       */
      _reward(key, points = 1, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve, reject) => {
          this._upsert(rlKey, -points, this._getKeySecDuration(options) * 1e3, false, options).then((res) => {
            resolve(this._getRateLimiterRes(rlKey, -points, res));
          }).catch((res) => reject(res));
        });
      }
      /**
       *
       * @param key
       * @param {Object} options
       * @returns Promise<RateLimiterRes>|null
       */
      get(key, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve, reject) => {
          this._get(rlKey, options).then((res) => {
            if (res === null || typeof res === "undefined") {
              resolve(null);
            } else {
              resolve(this._getRateLimiterRes(rlKey, 0, res));
            }
          }).catch((err) => {
            this._handleError(err, "get", resolve, reject, [key, options]);
          });
        });
      }
      /**
       *
       * @param key
       * @param {Object} options
       * @returns Promise<boolean>
       */
      delete(key, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve, reject) => {
          this._delete(rlKey, options).then((res) => {
            this._inMemoryBlockedKeys.delete(rlKey);
            resolve(res);
          }).catch((err) => {
            this._handleError(err, "delete", resolve, reject, [key, options]);
          });
        });
      }
      /**
       * Cleanup keys no-matter expired or not.
       */
      deleteInMemoryBlockedAll() {
        this._inMemoryBlockedKeys.delete();
      }
      /**
       * Get RateLimiterRes object filled depending on storeResult, which specific for exact store
       *
       * @param rlKey
       * @param changedPoints
       * @param storeResult
       * @private
       */
      _getRateLimiterRes(rlKey, changedPoints, storeResult) {
        throw new Error("You have to implement the method '_getRateLimiterRes'!");
      }
      /**
       * Block key for this.msBlockDuration milliseconds
       * Usually, it just prolongs lifetime of key
       *
       * @param rlKey
       * @param initPoints
       * @param msDuration
       * @param {Object} options
       *
       * @return Promise<any>
       */
      _block(rlKey, initPoints, msDuration, options = {}) {
        return new Promise((resolve, reject) => {
          this._upsert(rlKey, initPoints, msDuration, true, options).then(() => {
            resolve(new RateLimiterRes2(0, msDuration > 0 ? msDuration : -1, initPoints));
          }).catch((err) => {
            this._handleError(err, "block", resolve, reject, [this.parseKey(rlKey), msDuration / 1e3, options]);
          });
        });
      }
      /**
       * @param rlKey
       * @param points
       * @param msDuration
       * @param {Object} options
       *
       * @return Promise<any>
       */
      _set(rlKey, points, msDuration, options = {}) {
        return new Promise((resolve, reject) => {
          this._upsert(rlKey, points, msDuration, true, options).then(() => {
            resolve(new RateLimiterRes2(0, msDuration > 0 ? msDuration : -1, points));
          }).catch((err) => {
            this._handleError(err, "set", resolve, reject, [this.parseKey(rlKey), points, msDuration / 1e3, options]);
          });
        });
      }
      /**
       * Have to be implemented in every limiter
       * Resolve with raw result from Store OR null if rlKey is not set
       * or Reject with error
       *
       * @param rlKey
       * @param {Object} options
       * @private
       *
       * @return Promise<any>
       */
      _get(rlKey, options = {}) {
        throw new Error("You have to implement the method '_get'!");
      }
      /**
       * Have to be implemented
       * Resolve with true OR false if rlKey doesn't exist
       * or Reject with error
       *
       * @param rlKey
       * @param {Object} options
       * @private
       *
       * @return Promise<any>
       */
      _delete(rlKey, options = {}) {
        throw new Error("You have to implement the method '_delete'!");
      }
      /**
       * Have to be implemented
       * Resolve with object used for {@link _getRateLimiterRes} to generate {@link RateLimiterRes}
       *
       * @param {string} rlKey
       * @param {number} points
       * @param {number} msDuration
       * @param {boolean} forceExpire
       * @param {Object} options
       * @abstract
       *
       * @return Promise<Object>
       */
      _upsert(rlKey, points, msDuration, forceExpire = false, options = {}) {
        throw new Error("You have to implement the method '_upsert'!");
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterRedis.js
var require_RateLimiterRedis = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterRedis.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var incrTtlLuaScript = `redis.call('set', KEYS[1], 0, 'EX', ARGV[2], 'NX') local consumed = redis.call('incrby', KEYS[1], ARGV[1]) local ttl = redis.call('pttl', KEYS[1]) if ttl == -1 then   redis.call('expire', KEYS[1], ARGV[2])   ttl = 1000 * ARGV[2] end return {consumed, ttl} `;
    var RateLimiterRedis = class extends RateLimiterStoreAbstract {
      /**
       *
       * @param {Object} opts
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *
       *   redis: RedisClient
       *   rejectIfRedisNotReady: boolean = false - reject / invoke insuranceLimiter immediately when redis connection is not "ready"
       * }
       */
      constructor(opts) {
        super(opts);
        this.client = opts.storeClient;
        this._rejectIfRedisNotReady = !!opts.rejectIfRedisNotReady;
        this._incrTtlLuaScript = opts.customIncrTtlLuaScript || incrTtlLuaScript;
        this.useRedisPackage = opts.useRedisPackage || this.client.constructor.name === "Commander" || false;
        this.useRedis3AndLowerPackage = opts.useRedis3AndLowerPackage;
        if (typeof this.client.defineCommand === "function") {
          this.client.defineCommand("rlflxIncr", {
            numberOfKeys: 1,
            lua: this._incrTtlLuaScript
          });
        }
      }
      /**
       * Prevent actual redis call if redis connection is not ready
       * Because of different connection state checks for ioredis and node-redis, only this clients would be actually checked.
       * For any other clients all the requests would be passed directly to redis client
       * @param {String} rlKey
       * @param {Boolean} isReadonly
       * @return {boolean}
       * @private
       */
      _isRedisReady(rlKey, isReadonly) {
        if (!this._rejectIfRedisNotReady) {
          return true;
        }
        if (this.client.status) {
          return this.client.status === "ready";
        }
        if (typeof this.client.isReady === "function") {
          return this.client.isReady();
        }
        if (typeof this.client.isReady === "boolean") {
          return this.client.isReady === true;
        }
        if (this.client._slots && typeof this.client._slots.getClient === "function") {
          if (typeof this.client.isOpen === "boolean" && this.client.isOpen !== true) {
            return false;
          }
          try {
            const slotClient = this.client._slots.getClient(rlKey, isReadonly);
            return slotClient && slotClient.isReady === true;
          } catch (error) {
            return false;
          }
        }
        return true;
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        let [consumed, resTtlMs] = result;
        if (Array.isArray(consumed)) {
          [, consumed] = consumed;
          [, resTtlMs] = resTtlMs;
        }
        const res = new RateLimiterRes2();
        res.consumedPoints = parseInt(consumed);
        res.isFirstInDuration = res.consumedPoints === changedPoints;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = resTtlMs;
        return res;
      }
      async _upsert(rlKey, points, msDuration, forceExpire = false) {
        if (typeof points == "string") {
          if (!RegExp("^[1-9][0-9]*$").test(points)) {
            throw new Error("Consuming string different than integer values is not supported by this package");
          }
        } else if (!Number.isInteger(points)) {
          throw new Error("Consuming decimal number of points is not supported by this package");
        }
        if (!this._isRedisReady(rlKey, false)) {
          throw new Error("Redis connection is not ready");
        }
        const secDuration = Math.floor(msDuration / 1e3);
        if (forceExpire) {
          const multi = this.client.multi();
          if (secDuration > 0) {
            if (!this.useRedisPackage && !this.useRedis3AndLowerPackage) {
              multi.set(rlKey, points, "EX", secDuration);
            } else {
              multi.set(rlKey, points, { EX: secDuration });
            }
          } else {
            multi.set(rlKey, points);
          }
          if (!this.useRedisPackage && !this.useRedis3AndLowerPackage) {
            return multi.pttl(rlKey).exec(true);
          }
          return multi.pTTL(rlKey).exec(true);
        }
        if (secDuration > 0) {
          if (!this.useRedisPackage && !this.useRedis3AndLowerPackage) {
            return this.client.rlflxIncr(
              [rlKey].concat([String(points), String(secDuration), String(this.points), String(this.duration)])
            );
          }
          if (this.useRedis3AndLowerPackage) {
            return new Promise((resolve, reject) => {
              const incrCallback = function(err, result) {
                if (err) {
                  return reject(err);
                }
                return resolve(result);
              };
              if (typeof this.client.rlflxIncr === "function") {
                this.client.rlflxIncr(rlKey, points, secDuration, this.points, this.duration, incrCallback);
              } else {
                this.client.eval(this._incrTtlLuaScript, 1, rlKey, points, secDuration, this.points, this.duration, incrCallback);
              }
            });
          } else {
            return this.client.eval(this._incrTtlLuaScript, {
              keys: [rlKey],
              arguments: [String(points), String(secDuration), String(this.points), String(this.duration)]
            });
          }
        } else {
          const multi = this.client.multi();
          if (!this.useRedisPackage && !this.useRedis3AndLowerPackage) {
            return multi.incrby(rlKey, points).pttl(rlKey).exec(true);
          }
          return multi.incrBy(rlKey, points).pTTL(rlKey).exec(true);
        }
      }
      async _get(rlKey) {
        if (!this._isRedisReady(rlKey, true)) {
          throw new Error("Redis connection is not ready");
        }
        if (!this.useRedisPackage && !this.useRedis3AndLowerPackage) {
          return this.client.multi().get(rlKey).pttl(rlKey).exec().then((result) => {
            const [[, points]] = result;
            if (points === null) return null;
            return result;
          });
        }
        return this.client.multi().get(rlKey).pTTL(rlKey).exec(true).then((result) => {
          const [points] = result;
          if (points === null) return null;
          return result;
        });
      }
      _delete(rlKey) {
        return this.client.del(rlKey).then((result) => result > 0);
      }
    };
    module.exports = RateLimiterRedis;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterRedisNonAtomic.js
var require_RateLimiterRedisNonAtomic = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterRedisNonAtomic.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterRedisNonAtomic = class extends RateLimiterStoreAbstract {
      constructor(opts) {
        super(opts);
        this.client = opts.storeClient;
        this._rejectIfRedisNotReady = !!opts.rejectIfRedisNotReady;
        this.useRedisPackage = opts.useRedisPackage || this.client.constructor.name === "Commander" || false;
      }
      _isRedisReady(rlKey, isReadonly) {
        if (!this._rejectIfRedisNotReady) {
          return true;
        }
        if (this.client.status) {
          return this.client.status === "ready";
        }
        if (typeof this.client.isReady === "function") {
          return this.client.isReady();
        }
        if (typeof this.client.isReady === "boolean") {
          return this.client.isReady === true;
        }
        if (this.client._slots && typeof this.client._slots.getClient === "function") {
          if (typeof this.client.isOpen === "boolean" && this.client.isOpen !== true) {
            return false;
          }
          try {
            const slotClient = this.client._slots.getClient(rlKey, isReadonly);
            return slotClient && slotClient.isReady === true;
          } catch (error) {
            return false;
          }
        }
        return true;
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        let [consumed, resTtlMs] = result;
        if (Array.isArray(consumed)) {
          [, consumed] = consumed;
          [, resTtlMs] = resTtlMs;
        }
        const res = new RateLimiterRes2();
        res.consumedPoints = parseInt(consumed);
        res.isFirstInDuration = res.consumedPoints === changedPoints;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = resTtlMs;
        return res;
      }
      _parseStoreResult(result) {
        let points;
        let ttlMs;
        if (Array.isArray(result[0])) {
          [, points] = result[0];
          [, ttlMs] = result[1];
        } else {
          [points, ttlMs] = result;
        }
        return {
          points: parseInt(points, 10),
          ttlMs
        };
      }
      _execMulti(multi) {
        return multi.exec();
      }
      _setKey(rlKey, points, secDuration) {
        const multi = this.client.multi();
        if (secDuration > 0) {
          if (!this.useRedisPackage) {
            multi.set(rlKey, points, "EX", secDuration);
          } else {
            multi.set(rlKey, points, { EX: secDuration });
          }
        } else {
          multi.set(rlKey, points);
        }
        return this._execMulti(multi);
      }
      _setKeyWithTtlMs(rlKey, points, ttlMs) {
        const multi = this.client.multi();
        multi.set(rlKey, points);
        if (ttlMs > 0) {
          if (!this.useRedisPackage) {
            multi.pexpire(rlKey, ttlMs);
          } else {
            multi.pExpire(rlKey, ttlMs);
          }
        }
        return this._execMulti(multi);
      }
      async _upsert(rlKey, points, msDuration, forceExpire = false) {
        if (typeof points == "string") {
          if (!RegExp("^[1-9][0-9]*$").test(points)) {
            throw new Error("Consuming string different than integer values is not supported by this package");
          }
        } else if (!Number.isInteger(points)) {
          throw new Error("Consuming decimal number of points is not supported by this package");
        }
        if (!this._isRedisReady(rlKey, false)) {
          throw new Error("Redis connection is not ready");
        }
        const parsedPoints = typeof points === "string" ? parseInt(points, 10) : points;
        const secDuration = Math.floor(msDuration / 1e3);
        if (forceExpire) {
          await this._setKey(rlKey, parsedPoints, secDuration);
          return [parsedPoints, secDuration > 0 ? secDuration * 1e3 : -1];
        }
        const currentResult = await this._get(rlKey);
        const hasCurrent = currentResult !== null;
        const current = hasCurrent ? this._parseStoreResult(currentResult) : { points: 0, ttlMs: -1 };
        const newPoints = current.points + parsedPoints;
        if (secDuration > 0) {
          if (!hasCurrent) {
            await this._setKey(rlKey, newPoints, secDuration);
            return [newPoints, secDuration * 1e3];
          }
          if (current.ttlMs <= 0) {
            await this._setKey(rlKey, newPoints, secDuration);
            return [newPoints, secDuration * 1e3];
          }
          await this._setKeyWithTtlMs(rlKey, newPoints, current.ttlMs);
          return [newPoints, current.ttlMs];
        }
        await this._setKey(rlKey, newPoints, 0);
        return [newPoints, -1];
      }
      async _get(rlKey) {
        if (!this._isRedisReady(rlKey, true)) {
          throw new Error("Redis connection is not ready");
        }
        const multi = this.client.multi().get(rlKey);
        if (!this.useRedisPackage) {
          multi.pttl(rlKey);
        } else {
          multi.pTTL(rlKey);
        }
        return this._execMulti(multi).then((result) => {
          if (Array.isArray(result[0])) {
            const [, points2] = result[0];
            if (points2 === null) return null;
            return result;
          }
          const [points] = result;
          if (points === null) return null;
          return result;
        });
      }
      _delete(rlKey) {
        return this.client.del(rlKey).then((result) => result > 0);
      }
    };
    module.exports = RateLimiterRedisNonAtomic;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterMongo.js
var require_RateLimiterMongo = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterMongo.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterMongo = class _RateLimiterMongo extends RateLimiterStoreAbstract {
      /**
       *
       * @param {Object} opts
       * Defaults {
       *   indexKeyPrefix: {attr1: 1, attr2: 1}
       *   ... see other in RateLimiterStoreAbstract
       *
       *   mongo: MongoClient
       * }
       */
      constructor(opts) {
        super(opts);
        this.dbName = opts.dbName;
        this.tableName = opts.tableName;
        this.indexKeyPrefix = opts.indexKeyPrefix;
        this.disableIndexesCreation = opts.disableIndexesCreation;
        if (opts.mongo) {
          this.client = opts.mongo;
        } else {
          this.client = opts.storeClient;
        }
        if (typeof this.client.then === "function") {
          this.client.then((conn) => {
            this.client = conn;
            this._initCollection();
          });
        } else {
          this._initCollection();
        }
      }
      get dbName() {
        return this._dbName;
      }
      set dbName(value) {
        this._dbName = typeof value === "undefined" ? _RateLimiterMongo.getDbName() : value;
      }
      static getDbName() {
        return "node-rate-limiter-flexible";
      }
      get tableName() {
        return this._tableName;
      }
      set tableName(value) {
        this._tableName = typeof value === "undefined" ? this.keyPrefix : value;
      }
      get client() {
        return this._client;
      }
      set client(value) {
        if (typeof value === "undefined") {
          throw new Error("mongo is not set");
        }
        this._client = value;
      }
      get indexKeyPrefix() {
        return this._indexKeyPrefix;
      }
      set indexKeyPrefix(obj) {
        this._indexKeyPrefix = obj || {};
      }
      get disableIndexesCreation() {
        return this._disableIndexesCreation;
      }
      set disableIndexesCreation(value) {
        this._disableIndexesCreation = !!value;
      }
      async createIndexes() {
        const db = typeof this.client.db === "function" ? this.client.db(this.dbName) : this.client;
        const collection = db.collection(this.tableName);
        await collection.createIndex({ expire: -1 }, { expireAfterSeconds: 0 });
        await collection.createIndex(Object.assign({}, this.indexKeyPrefix, { key: 1 }), { unique: true });
      }
      _initCollection() {
        const db = typeof this.client.db === "function" ? this.client.db(this.dbName) : this.client;
        const collection = db.collection(this.tableName);
        if (!this.disableIndexesCreation) {
          this.createIndexes().catch((err) => {
            console.error(`Cannot create indexes for mongo collection ${this.tableName}`, err);
          });
        }
        this._collection = collection;
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        let doc;
        if (typeof result.value === "undefined") {
          doc = result;
        } else {
          doc = result.value;
        }
        res.isFirstInDuration = doc.points === changedPoints;
        res.consumedPoints = doc.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = doc.expire !== null ? Math.max(new Date(doc.expire).getTime() - Date.now(), 0) : -1;
        return res;
      }
      _upsert(key, points, msDuration, forceExpire = false, options = {}) {
        if (!this._collection) {
          return Promise.reject(Error("Mongo connection is not established"));
        }
        const docAttrs = options.attrs || {};
        let where;
        let upsertData;
        if (forceExpire) {
          where = { key };
          where = Object.assign(where, docAttrs);
          upsertData = {
            $set: {
              key,
              points,
              expire: msDuration > 0 ? new Date(Date.now() + msDuration) : null
            }
          };
          upsertData.$set = Object.assign(upsertData.$set, docAttrs);
        } else {
          where = {
            $or: [
              { expire: { $gt: /* @__PURE__ */ new Date() } },
              { expire: { $eq: null } }
            ],
            key
          };
          where = Object.assign(where, docAttrs);
          upsertData = {
            $setOnInsert: {
              key,
              expire: msDuration > 0 ? new Date(Date.now() + msDuration) : null
            },
            $inc: { points }
          };
          upsertData.$setOnInsert = Object.assign(upsertData.$setOnInsert, docAttrs);
        }
        const upsertOptions = {
          upsert: true,
          returnDocument: "after"
        };
        return new Promise((resolve, reject) => {
          this._collection.findOneAndUpdate(
            where,
            upsertData,
            upsertOptions
          ).then((res) => {
            resolve(res);
          }).catch((errUpsert) => {
            if (errUpsert && errUpsert.code === 11e3) {
              const replaceWhere = Object.assign({
                // try to replace OLD limit doc
                $or: [
                  { expire: { $lte: /* @__PURE__ */ new Date() } },
                  { expire: { $eq: null } }
                ],
                key
              }, docAttrs);
              const replaceTo = {
                $set: Object.assign({
                  key,
                  points,
                  expire: msDuration > 0 ? new Date(Date.now() + msDuration) : null
                }, docAttrs)
              };
              this._collection.findOneAndUpdate(
                replaceWhere,
                replaceTo,
                upsertOptions
              ).then((res) => {
                resolve(res);
              }).catch((errReplace) => {
                if (errReplace && errReplace.code === 11e3) {
                  this._upsert(key, points, msDuration, forceExpire).then((res) => resolve(res)).catch((err) => reject(err));
                } else {
                  reject(errReplace);
                }
              });
            } else {
              reject(errUpsert);
            }
          });
        });
      }
      _get(rlKey, options = {}) {
        if (!this._collection) {
          return Promise.reject(Error("Mongo connection is not established"));
        }
        const docAttrs = options.attrs || {};
        const where = Object.assign({
          key: rlKey,
          $or: [
            { expire: { $gt: /* @__PURE__ */ new Date() } },
            { expire: { $eq: null } }
          ]
        }, docAttrs);
        return this._collection.findOne(where);
      }
      _delete(rlKey, options = {}) {
        if (!this._collection) {
          return Promise.reject(Error("Mongo connection is not established"));
        }
        const docAttrs = options.attrs || {};
        const where = Object.assign({ key: rlKey }, docAttrs);
        return this._collection.deleteOne(where).then((res) => res.deletedCount > 0);
      }
    };
    module.exports = RateLimiterMongo;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterMySQL.js
var require_RateLimiterMySQL = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterMySQL.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterMySQL = class extends RateLimiterStoreAbstract {
      /**
       * @callback callback
       * @param {Object} err
       *
       * @param {Object} opts
       * @param {callback} cb
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *
       *   storeClient: anySqlClient,
       *   storeType: 'knex', // required only for Knex instance
       *   dbName: 'string',
       *   tableName: 'string',
       * }
       */
      constructor(opts, cb = null) {
        super(opts);
        this.client = opts.storeClient;
        this.clientType = opts.storeType;
        this.dbName = opts.dbName;
        this.tableName = opts.tableName;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout;
        this.tableCreated = opts.tableCreated;
        if (!this.tableCreated) {
          this._createDbAndTable().then(() => {
            this.tableCreated = true;
            if (this.clearExpiredByTimeout) {
              this._clearExpiredHourAgo();
            }
            if (typeof cb === "function") {
              cb();
            }
          }).catch((err) => {
            if (typeof cb === "function") {
              cb(err);
            } else {
              throw err;
            }
          });
        } else {
          if (this.clearExpiredByTimeout) {
            this._clearExpiredHourAgo();
          }
          if (typeof cb === "function") {
            cb();
          }
        }
      }
      clearExpired(expire) {
        return new Promise((resolve) => {
          this._getConnection().then((conn) => {
            conn.query(`DELETE FROM ??.?? WHERE expire < ?`, [this.dbName, this.tableName, expire], () => {
              this._releaseConnection(conn);
              resolve();
            });
          }).catch(() => {
            resolve();
          });
        });
      }
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) {
          clearTimeout(this._clearExpiredTimeoutId);
        }
        this._clearExpiredTimeoutId = setTimeout(() => {
          this.clearExpired(Date.now() - 36e5).then(() => {
            this._clearExpiredHourAgo();
          });
        }, 3e5);
        this._clearExpiredTimeoutId.unref();
      }
      /**
       *
       * @return Promise<any>
       * @private
       */
      _getConnection() {
        switch (this.clientType) {
          case "pool":
            return new Promise((resolve, reject) => {
              this.client.getConnection((errConn, conn) => {
                if (errConn) {
                  return reject(errConn);
                }
                resolve(conn);
              });
            });
          case "sequelize":
            return this._getSequelizeConnectionManager().getConnection();
          case "knex":
            return this.client.client.acquireConnection();
          default:
            return Promise.resolve(this.client);
        }
      }
      _releaseConnection(conn) {
        switch (this.clientType) {
          case "pool":
            return conn.release();
          case "sequelize":
            return this._getSequelizeConnectionManager().releaseConnection(conn);
          case "knex":
            return this.client.client.releaseConnection(conn);
          default:
            return true;
        }
      }
      _getSequelizeConnectionManager() {
        let connectionManager;
        let originalError;
        try {
          connectionManager = this.client.connectionManager;
        } catch (err) {
          originalError = err;
        }
        if (connectionManager) {
          return connectionManager;
        }
        if (this.client.dialect && this.client.dialect.connectionManager) {
          return this.client.dialect.connectionManager;
        }
        if (originalError) {
          throw originalError;
        }
        throw new Error("Sequelize connection manager is not available");
      }
      /**
       *
       * @returns {Promise<any>}
       * @private
       */
      _createDbAndTable() {
        return new Promise((resolve, reject) => {
          this._getConnection().then((conn) => {
            conn.query(`CREATE DATABASE IF NOT EXISTS \`${this.dbName}\`;`, (errDb) => {
              if (errDb) {
                this._releaseConnection(conn);
                return reject(errDb);
              }
              conn.query(this._getCreateTableStmt(), (err) => {
                if (err) {
                  this._releaseConnection(conn);
                  return reject(err);
                }
                this._releaseConnection(conn);
                resolve();
              });
            });
          }).catch((err) => {
            reject(err);
          });
        });
      }
      _getCreateTableStmt() {
        return `CREATE TABLE IF NOT EXISTS \`${this.dbName}\`.\`${this.tableName}\` (\`key\` VARCHAR(255) CHARACTER SET utf8 NOT NULL,\`points\` INT(9) NOT NULL default 0,\`expire\` BIGINT UNSIGNED,PRIMARY KEY (\`key\`)) ENGINE = INNODB;`;
      }
      get clientType() {
        return this._clientType;
      }
      set clientType(value) {
        if (typeof value === "undefined") {
          if (this.client.constructor.name === "Connection") {
            value = "connection";
          } else if (this.client.constructor.name === "Pool") {
            value = "pool";
          } else if (this.client.constructor.name === "Sequelize") {
            value = "sequelize";
          } else {
            throw new Error("storeType is not defined");
          }
        }
        this._clientType = value.toLowerCase();
      }
      get dbName() {
        return this._dbName;
      }
      set dbName(value) {
        this._dbName = typeof value === "undefined" ? "rtlmtrflx" : value;
      }
      get tableName() {
        return this._tableName;
      }
      set tableName(value) {
        this._tableName = typeof value === "undefined" ? this.keyPrefix : value;
      }
      get tableCreated() {
        return this._tableCreated;
      }
      set tableCreated(value) {
        this._tableCreated = typeof value === "undefined" ? false : !!value;
      }
      get clearExpiredByTimeout() {
        return this._clearExpiredByTimeout;
      }
      set clearExpiredByTimeout(value) {
        this._clearExpiredByTimeout = typeof value === "undefined" ? true : Boolean(value);
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        const [row] = result;
        res.isFirstInDuration = changedPoints === row.points;
        res.consumedPoints = res.isFirstInDuration ? changedPoints : row.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = row.expire ? Math.max(row.expire - Date.now(), 0) : -1;
        return res;
      }
      _upsertTransaction(conn, key, points, msDuration, forceExpire) {
        return new Promise((resolve, reject) => {
          conn.query("BEGIN", (errBegin) => {
            if (errBegin) {
              conn.rollback();
              return reject(errBegin);
            }
            const dateNow = Date.now();
            const newExpire = msDuration > 0 ? dateNow + msDuration : null;
            let q;
            let values;
            if (forceExpire) {
              q = `INSERT INTO ??.?? VALUES (?, ?, ?)
          ON DUPLICATE KEY UPDATE 
            points = ?, 
            expire = ?;`;
              values = [
                this.dbName,
                this.tableName,
                key,
                points,
                newExpire,
                points,
                newExpire
              ];
            } else {
              q = `INSERT INTO ??.?? VALUES (?, ?, ?)
          ON DUPLICATE KEY UPDATE 
            points = IF(expire <= ?, ?, points + (?)), 
            expire = IF(expire <= ?, ?, expire);`;
              values = [
                this.dbName,
                this.tableName,
                key,
                points,
                newExpire,
                dateNow,
                points,
                points,
                dateNow,
                newExpire
              ];
            }
            conn.query(q, values, (errUpsert) => {
              if (errUpsert) {
                conn.rollback();
                return reject(errUpsert);
              }
              conn.query("SELECT points, expire FROM ??.?? WHERE `key` = ?;", [this.dbName, this.tableName, key], (errSelect, res) => {
                if (errSelect) {
                  conn.rollback();
                  return reject(errSelect);
                }
                conn.query("COMMIT", (err) => {
                  if (err) {
                    conn.rollback();
                    return reject(err);
                  }
                  resolve(res);
                });
              });
            });
          });
        });
      }
      _upsert(key, points, msDuration, forceExpire = false) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        return new Promise((resolve, reject) => {
          this._getConnection().then((conn) => {
            this._upsertTransaction(conn, key, points, msDuration, forceExpire).then((res) => {
              resolve(res);
              this._releaseConnection(conn);
            }).catch((err) => {
              reject(err);
              this._releaseConnection(conn);
            });
          }).catch((err) => {
            reject(err);
          });
        });
      }
      _get(rlKey) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        return new Promise((resolve, reject) => {
          this._getConnection().then((conn) => {
            conn.query(
              "SELECT points, expire FROM ??.?? WHERE `key` = ? AND (`expire` > ? OR `expire` IS NULL)",
              [this.dbName, this.tableName, rlKey, Date.now()],
              (err, res) => {
                if (err) {
                  reject(err);
                } else if (res.length === 0) {
                  resolve(null);
                } else {
                  resolve(res);
                }
                this._releaseConnection(conn);
              }
              // eslint-disable-line
            );
          }).catch((err) => {
            reject(err);
          });
        });
      }
      _delete(rlKey) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        return new Promise((resolve, reject) => {
          this._getConnection().then((conn) => {
            conn.query(
              "DELETE FROM ??.?? WHERE `key` = ?",
              [this.dbName, this.tableName, rlKey],
              (err, res) => {
                if (err) {
                  reject(err);
                } else {
                  resolve(res.affectedRows > 0);
                }
                this._releaseConnection(conn);
              }
              // eslint-disable-line
            );
          }).catch((err) => {
            reject(err);
          });
        });
      }
    };
    module.exports = RateLimiterMySQL;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterPostgres.js
var require_RateLimiterPostgres = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterPostgres.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterPostgres = class extends RateLimiterStoreAbstract {
      /**
       * @callback callback
       * @param {Object} err
       *
       * @param {Object} opts
       * @param {callback} cb
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *
       *   storeClient: postgresClient,
       *   storeType: 'knex', // required only for Knex instance
       *   tableName: 'string',
       *   schemaName: 'string', // optional
       * }
       */
      constructor(opts, cb = null) {
        super(opts);
        this.client = opts.storeClient;
        this.clientType = opts.storeType;
        this.tableName = opts.tableName;
        this.schemaName = opts.schemaName;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout;
        this.tableCreated = opts.tableCreated;
        if (!this.tableCreated) {
          this._createTable().then(() => {
            this.tableCreated = true;
            if (this.clearExpiredByTimeout) {
              this._clearExpiredHourAgo();
            }
            if (typeof cb === "function") {
              cb();
            }
          }).catch((err) => {
            if (typeof cb === "function") {
              cb(err);
            } else {
              throw err;
            }
          });
        } else {
          if (this.clearExpiredByTimeout) {
            this._clearExpiredHourAgo();
          }
          if (typeof cb === "function") {
            cb();
          }
        }
      }
      _getTableIdentifier() {
        return this.schemaName ? `"${this.schemaName}"."${this.tableName}"` : `"${this.tableName}"`;
      }
      clearExpired(expire) {
        return new Promise((resolve) => {
          const q = {
            name: "rlflx-clear-expired",
            text: `DELETE FROM ${this._getTableIdentifier()} WHERE expire < $1`,
            values: [expire]
          };
          this._query(q).then(() => {
            resolve();
          }).catch(() => {
            resolve();
          });
        });
      }
      /**
       * Delete all rows expired 1 hour ago once per 5 minutes
       *
       * @private
       */
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) {
          clearTimeout(this._clearExpiredTimeoutId);
        }
        this._clearExpiredTimeoutId = setTimeout(() => {
          this.clearExpired(Date.now() - 36e5).then(() => {
            this._clearExpiredHourAgo();
          });
        }, 3e5);
        this._clearExpiredTimeoutId.unref();
      }
      /**
       *
       * @return Promise<any>
       * @private
       */
      _getConnection() {
        switch (this.clientType) {
          case "pool":
            return Promise.resolve(this.client);
          case "sequelize":
            return this._getSequelizeConnectionManager().getConnection();
          case "knex":
            return this.client.client.acquireConnection();
          case "typeorm":
            return Promise.resolve(this.client.driver.master);
          default:
            return Promise.resolve(this.client);
        }
      }
      _releaseConnection(conn) {
        switch (this.clientType) {
          case "pool":
            return true;
          case "sequelize":
            return this._getSequelizeConnectionManager().releaseConnection(conn);
          case "knex":
            return this.client.client.releaseConnection(conn);
          case "typeorm":
            return true;
          default:
            return true;
        }
      }
      _getSequelizeConnectionManager() {
        let connectionManager;
        let accessError;
        try {
          connectionManager = this.client.connectionManager;
        } catch (err) {
          accessError = err;
        }
        if (connectionManager) {
          return connectionManager;
        }
        if (this.client.dialect && this.client.dialect.connectionManager) {
          return this.client.dialect.connectionManager;
        }
        if (accessError) {
          throw accessError;
        }
        throw new Error("Sequelize connection manager is not available");
      }
      /**
       *
       * @returns {Promise<any>}
       * @private
       */
      _createTable() {
        return new Promise((resolve, reject) => {
          this._query({
            text: this._getCreateTableStmt()
          }).then(() => {
            resolve();
          }).catch((err) => {
            if (err.code === "23505") {
              resolve();
            } else {
              reject(err);
            }
          });
        });
      }
      _getCreateTableStmt() {
        return `CREATE TABLE IF NOT EXISTS ${this._getTableIdentifier()} (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );`;
      }
      get clientType() {
        return this._clientType;
      }
      set clientType(value) {
        const constructorName = this.client.constructor.name;
        if (typeof value === "undefined") {
          if (constructorName === "Client") {
            value = "client";
          } else if (constructorName === "Pool" || constructorName === "BoundPool") {
            value = "pool";
          } else if (constructorName === "Sequelize") {
            value = "sequelize";
          } else {
            throw new Error("storeType is not defined");
          }
        }
        this._clientType = value.toLowerCase();
      }
      get tableName() {
        return this._tableName;
      }
      set tableName(value) {
        this._tableName = typeof value === "undefined" ? this.keyPrefix : value;
      }
      get schemaName() {
        return this._schemaName;
      }
      set schemaName(value) {
        this._schemaName = value;
      }
      get tableCreated() {
        return this._tableCreated;
      }
      set tableCreated(value) {
        this._tableCreated = typeof value === "undefined" ? false : !!value;
      }
      get clearExpiredByTimeout() {
        return this._clearExpiredByTimeout;
      }
      set clearExpiredByTimeout(value) {
        this._clearExpiredByTimeout = typeof value === "undefined" ? true : Boolean(value);
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        const row = result.rows[0];
        res.isFirstInDuration = changedPoints === row.points;
        res.consumedPoints = res.isFirstInDuration ? changedPoints : row.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = row.expire ? Math.max(row.expire - Date.now(), 0) : -1;
        return res;
      }
      _query(q) {
        const prefix = this.tableName.toLowerCase();
        const queryObj = { text: q.text, values: q.values };
        if (q.name) {
          queryObj.name = `${prefix}:${q.name}`;
        }
        return new Promise((resolve, reject) => {
          this._getConnection().then((conn) => {
            conn.query(queryObj).then((res) => {
              resolve(res);
              this._releaseConnection(conn);
            }).catch((err) => {
              reject(err);
              this._releaseConnection(conn);
            });
          }).catch((err) => {
            reject(err);
          });
        });
      }
      _upsert(key, points, msDuration, forceExpire = false) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        const newExpire = msDuration > 0 ? Date.now() + msDuration : null;
        const expireQ = forceExpire ? " $3 " : ` CASE
             WHEN ${this._getTableIdentifier()}.expire <= $4 THEN $3
             ELSE ${this._getTableIdentifier()}.expire
            END `;
        return this._query({
          name: forceExpire ? "rlflx-upsert-force" : "rlflx-upsert",
          text: `
            INSERT INTO ${this._getTableIdentifier()} VALUES ($1, $2, $3)
              ON CONFLICT(key) DO UPDATE SET
                points = CASE
                          WHEN (${this._getTableIdentifier()}.expire <= $4 OR 1=${forceExpire ? 1 : 0}) THEN $2
                          ELSE ${this._getTableIdentifier()}.points + ($2)
                         END,
                expire = ${expireQ}
            RETURNING points, expire;`,
          values: [key, points, newExpire, Date.now()]
        });
      }
      _get(rlKey) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        return new Promise((resolve, reject) => {
          this._query({
            name: "rlflx-get",
            text: `
            SELECT points, expire FROM ${this._getTableIdentifier()} WHERE key = $1 AND (expire > $2 OR expire IS NULL);`,
            values: [rlKey, Date.now()]
          }).then((res) => {
            if (res.rowCount === 0) {
              res = null;
            }
            resolve(res);
          }).catch((err) => {
            reject(err);
          });
        });
      }
      _delete(rlKey) {
        if (!this.tableCreated) {
          return Promise.reject(Error("Table is not created yet"));
        }
        return this._query({
          name: "rlflx-delete",
          text: `DELETE FROM ${this._getTableIdentifier()} WHERE key = $1`,
          values: [rlKey]
        }).then((res) => res.rowCount > 0);
      }
    };
    module.exports = RateLimiterPostgres;
  }
});

// node_modules/rate-limiter-flexible/lib/component/MemoryStorage/Record.js
var require_Record = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/MemoryStorage/Record.js"(exports, module) {
    module.exports = class Record {
      /**
       *
       * @param value int
       * @param expiresAt Number|Date
       * @param timeoutId
       */
      constructor(value, expiresAt, timeoutId = null) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.timeoutId = timeoutId;
      }
      get value() {
        return this._value;
      }
      set value(value) {
        this._value = parseInt(value, 10);
      }
      get expiresAt() {
        return this._expiresAt;
      }
      set expiresAt(value) {
        if (value instanceof Date) {
          this._expiresAt = value.getTime();
        } else {
          this._expiresAt = value;
        }
      }
      get timeoutId() {
        return this._timeoutId;
      }
      set timeoutId(value) {
        this._timeoutId = value;
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js
var require_MemoryStorage = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js"(exports, module) {
    var Record = require_Record();
    var RateLimiterRes2 = require_RateLimiterRes();
    module.exports = class MemoryStorage {
      constructor() {
        this._storage = /* @__PURE__ */ new Map();
      }
      incrby(key, value, durationSec) {
        const record = this._storage.get(key);
        if (record) {
          const msBeforeExpires = record.expiresAt ? record.expiresAt - Date.now() : -1;
          if (!record.expiresAt || msBeforeExpires > 0) {
            record.value = record.value + value;
            return new RateLimiterRes2(0, msBeforeExpires, record.value, false);
          }
          return this.set(key, value, durationSec);
        }
        return this.set(key, value, durationSec);
      }
      set(key, value, durationSec) {
        const durationMs = durationSec * 1e3;
        const existingRecord = this._storage.get(key);
        if (existingRecord && existingRecord.timeoutId) {
          clearTimeout(existingRecord.timeoutId);
        }
        const record = new Record(
          value,
          durationMs > 0 ? Date.now() + durationMs : null
        );
        this._storage.set(key, record);
        if (durationMs > 0) {
          record.timeoutId = setTimeout(() => {
            this._storage.delete(key);
          }, durationMs);
          if (record.timeoutId.unref) {
            record.timeoutId.unref();
          }
        }
        return new RateLimiterRes2(0, durationMs === 0 ? -1 : durationMs, record.value, true);
      }
      /**
       *
       * @param key
       * @returns {*}
       */
      get(key) {
        const record = this._storage.get(key);
        if (record) {
          const msBeforeExpires = record.expiresAt ? record.expiresAt - Date.now() : -1;
          return new RateLimiterRes2(0, msBeforeExpires, record.value, false);
        }
        return null;
      }
      /**
       *
       * @param key
       * @returns {boolean}
       */
      delete(key) {
        const record = this._storage.get(key);
        if (record) {
          if (record.timeoutId) {
            clearTimeout(record.timeoutId);
          }
          this._storage.delete(key);
          return true;
        }
        return false;
      }
      /**
       * @internal
       * @param key
       * @param value
       * @param expiresAt
       */
      _restoreRecord(key, value, expiresAt) {
        const now = Date.now();
        const hasExpiresAt = expiresAt !== null;
        if (hasExpiresAt && !Number.isFinite(expiresAt)) {
          return;
        }
        if (hasExpiresAt && expiresAt <= now) {
          return;
        }
        const durationMs = hasExpiresAt ? expiresAt - now : 0;
        const existingRecord = this._storage.get(key);
        if (existingRecord && existingRecord.timeoutId) {
          clearTimeout(existingRecord.timeoutId);
        }
        const record = new Record(
          value,
          expiresAt
        );
        this._storage.set(key, record);
        if (durationMs > 0) {
          record.timeoutId = setTimeout(() => {
            this._storage.delete(key);
          }, durationMs);
          if (record.timeoutId.unref) {
            record.timeoutId.unref();
          }
        }
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterMemory.js
var require_RateLimiterMemory = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterMemory.js"(exports, module) {
    var RateLimiterAbstract = require_RateLimiterAbstract();
    var MemoryStorage = require_MemoryStorage();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterMemory3 = class extends RateLimiterAbstract {
      constructor(opts = {}) {
        super(opts);
        this._memoryStorage = new MemoryStorage();
      }
      /**
       *
       * @param key
       * @param pointsToConsume
       * @param {Object} options
       * @returns {Promise<RateLimiterRes>}
       */
      consume(key, pointsToConsume = 1, options = {}) {
        return new Promise((resolve, reject) => {
          const rlKey = this.getKey(key);
          const secDuration = this._getKeySecDuration(options);
          let res = this._memoryStorage.incrby(rlKey, pointsToConsume, secDuration);
          res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
          if (res.consumedPoints > this.points) {
            if (this.blockDuration > 0 && res.consumedPoints <= this.points + pointsToConsume) {
              res = this._memoryStorage.set(rlKey, res.consumedPoints, this.blockDuration);
            }
            reject(res);
          } else if (this.execEvenly && this.points > 0 && res.msBeforeNext > 0 && !res.isFirstInDuration) {
            let delay = Math.ceil(res.msBeforeNext / (res.remainingPoints + 2));
            if (delay < this.execEvenlyMinDelayMs) {
              delay = res.consumedPoints * this.execEvenlyMinDelayMs;
            }
            res.msBeforeNext = Math.max(res.msBeforeNext - delay, 0);
            setTimeout(resolve, delay, res);
          } else {
            resolve(res);
          }
        });
      }
      penalty(key, points = 1, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve) => {
          const secDuration = this._getKeySecDuration(options);
          const res = this._memoryStorage.incrby(rlKey, points, secDuration);
          res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
          resolve(res);
        });
      }
      reward(key, points = 1, options = {}) {
        const rlKey = this.getKey(key);
        return new Promise((resolve) => {
          const secDuration = this._getKeySecDuration(options);
          const res = this._memoryStorage.incrby(rlKey, -points, secDuration);
          res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
          resolve(res);
        });
      }
      /**
       * Block any key for secDuration seconds
       *
       * @param key
       * @param secDuration
       */
      block(key, secDuration) {
        const msDuration = secDuration * 1e3;
        const initPoints = this.points + 1;
        this._memoryStorage.set(this.getKey(key), initPoints, secDuration);
        return Promise.resolve(
          new RateLimiterRes2(0, msDuration === 0 ? -1 : msDuration, initPoints)
        );
      }
      set(key, points, secDuration) {
        const msDuration = (secDuration >= 0 ? secDuration : this.duration) * 1e3;
        this._memoryStorage.set(this.getKey(key), points, secDuration);
        return Promise.resolve(
          new RateLimiterRes2(0, msDuration === 0 ? -1 : msDuration, points)
        );
      }
      get(key) {
        const res = this._memoryStorage.get(this.getKey(key));
        if (res !== null) {
          res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        }
        return Promise.resolve(res);
      }
      delete(key) {
        return Promise.resolve(this._memoryStorage.delete(this.getKey(key)));
      }
      dump() {
        const storage = [];
        for (const [key, record] of this._memoryStorage._storage) {
          storage.push({
            key: this.parseKey(key),
            value: record.value,
            expiresAt: record.expiresAt
          });
        }
        return {
          version: 1,
          dumpedAt: Date.now(),
          storage
        };
      }
      /**
       * Restores rate-limiter state from a previously dumped snapshot.
       *
       * Each entry is classified into one of three buckets:
       *  - **invalid**  – the item is not an object or has a malformed schema (bad key, value or expiry type).
       *  - **expired**  – the item has logically expired based on current timestamp.
       *  - **restored** – the item was valid and successfully loaded into storage.
       *
       * @param {Object}  data            - Snapshot produced by {@link dump}.
       * @param {boolean} [detailResponse=false] - When `true`, each bucket also
       *   carries a `keys` array listing every affected key.
       * @returns {{ invalid, expired, restored } | undefined} Summary counts (and
       *   optionally keys).  Returns `undefined` when `data` fails schema checks.
       */
      restore(data, detailResponse = false) {
        if (!data || typeof data !== "object" || data.version !== 1) {
          return void 0;
        }
        const response = detailResponse ? {
          invalid: { count: 0, keys: [] },
          expired: { count: 0, keys: [] },
          restored: { count: 0, keys: [] }
        } : { invalid: 0, expired: 0, restored: 0 };
        const record = (bucket, key) => {
          if (detailResponse) {
            response[bucket].count += 1;
            response[bucket].keys.push(key);
          } else {
            response[bucket] += 1;
          }
        };
        if (!Array.isArray(data.storage)) {
          return response;
        }
        for (const item of data.storage) {
          if (!item || typeof item !== "object") {
            record("invalid", "N/A");
            continue;
          }
          const isValidKey = typeof item.key === "string" || typeof item.key === "number";
          const isValidValue = Number.isFinite(item.value);
          const isValidExpiry = item.expiresAt === null || Number.isFinite(item.expiresAt);
          if (!isValidKey || !isValidValue || !isValidExpiry) {
            record("invalid", item.key);
            continue;
          }
          if (item.expiresAt !== null && item.expiresAt <= Date.now()) {
            record("expired", item.key);
            continue;
          }
          this._memoryStorage._restoreRecord(this.getKey(item.key), item.value, item.expiresAt);
          record("restored", item.key);
        }
        return response;
      }
    };
    module.exports = RateLimiterMemory3;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterCluster.js
var require_RateLimiterCluster = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterCluster.js"(exports, module) {
    var cluster = __require("cluster");
    var crypto2 = __require("crypto");
    var RateLimiterAbstract = require_RateLimiterAbstract();
    var RateLimiterMemory3 = require_RateLimiterMemory();
    var RateLimiterRes2 = require_RateLimiterRes();
    var channel = "rate_limiter_flexible";
    var masterInstance = null;
    var masterSendToWorker = function(worker, msg, type, res) {
      let data;
      if (res === null || res === true || res === false) {
        data = res;
      } else {
        data = {
          remainingPoints: res.remainingPoints,
          msBeforeNext: res.msBeforeNext,
          consumedPoints: res.consumedPoints,
          isFirstInDuration: res.isFirstInDuration
        };
      }
      worker.send({
        channel,
        keyPrefix: msg.keyPrefix,
        // which rate limiter exactly
        promiseId: msg.promiseId,
        type,
        data
      });
    };
    var workerWaitInit = function(payload) {
      setTimeout(() => {
        if (this._initiated) {
          process.send(payload);
        } else if (typeof this._promises[payload.promiseId] !== "undefined") {
          workerWaitInit.call(this, payload);
        }
      }, 30);
    };
    var workerSendToMaster = function(func, promiseId, key, arg, opts) {
      const payload = {
        channel,
        keyPrefix: this.keyPrefix,
        func,
        promiseId,
        data: {
          key,
          arg,
          opts
        }
      };
      if (!this._initiated) {
        workerWaitInit.call(this, payload);
      } else {
        process.send(payload);
      }
    };
    var masterProcessMsg = function(worker, msg) {
      if (!msg || msg.channel !== channel || typeof this._rateLimiters[msg.keyPrefix] === "undefined") {
        return false;
      }
      let promise;
      switch (msg.func) {
        case "consume":
          promise = this._rateLimiters[msg.keyPrefix].consume(msg.data.key, msg.data.arg, msg.data.opts);
          break;
        case "penalty":
          promise = this._rateLimiters[msg.keyPrefix].penalty(msg.data.key, msg.data.arg, msg.data.opts);
          break;
        case "reward":
          promise = this._rateLimiters[msg.keyPrefix].reward(msg.data.key, msg.data.arg, msg.data.opts);
          break;
        case "block":
          promise = this._rateLimiters[msg.keyPrefix].block(msg.data.key, msg.data.arg, msg.data.opts);
          break;
        case "get":
          promise = this._rateLimiters[msg.keyPrefix].get(msg.data.key, msg.data.opts);
          break;
        case "delete":
          promise = this._rateLimiters[msg.keyPrefix].delete(msg.data.key, msg.data.opts);
          break;
        default:
          return false;
      }
      if (promise) {
        promise.then((res) => {
          masterSendToWorker(worker, msg, "resolve", res);
        }).catch((rejRes) => {
          masterSendToWorker(worker, msg, "reject", rejRes);
        });
      }
    };
    var workerProcessMsg = function(msg) {
      if (!msg || msg.channel !== channel || msg.keyPrefix !== this.keyPrefix) {
        return false;
      }
      if (this._promises[msg.promiseId]) {
        clearTimeout(this._promises[msg.promiseId].timeoutId);
        let res;
        if (msg.data === null || msg.data === true || msg.data === false) {
          res = msg.data;
        } else {
          res = new RateLimiterRes2(
            msg.data.remainingPoints,
            msg.data.msBeforeNext,
            msg.data.consumedPoints,
            msg.data.isFirstInDuration
            // eslint-disable-line comma-dangle
          );
        }
        switch (msg.type) {
          case "resolve":
            this._promises[msg.promiseId].resolve(res);
            break;
          case "reject":
            this._promises[msg.promiseId].reject(res);
            break;
          default:
            throw new Error(`RateLimiterCluster: no such message type '${msg.type}'`);
        }
        delete this._promises[msg.promiseId];
      }
    };
    var getOpts = function() {
      return {
        points: this.points,
        duration: this.duration,
        blockDuration: this.blockDuration,
        execEvenly: this.execEvenly,
        execEvenlyMinDelayMs: this.execEvenlyMinDelayMs,
        keyPrefix: this.keyPrefix
      };
    };
    var savePromise = function(resolve, reject) {
      const hrtime = process.hrtime();
      let promiseId = hrtime[0].toString() + hrtime[1].toString();
      if (typeof this._promises[promiseId] !== "undefined") {
        promiseId += crypto2.randomBytes(12).toString("base64");
      }
      this._promises[promiseId] = {
        resolve,
        reject,
        timeoutId: setTimeout(() => {
          delete this._promises[promiseId];
          reject(new Error("RateLimiterCluster timeout: no answer from master in time"));
        }, this.timeoutMs)
      };
      return promiseId;
    };
    var RateLimiterClusterMaster = class {
      constructor() {
        if (masterInstance) {
          return masterInstance;
        }
        this._rateLimiters = {};
        cluster.setMaxListeners(0);
        cluster.on("message", (worker, msg) => {
          if (msg && msg.channel === channel && msg.type === "init") {
            if (typeof this._rateLimiters[msg.opts.keyPrefix] === "undefined") {
              this._rateLimiters[msg.opts.keyPrefix] = new RateLimiterMemory3(msg.opts);
            }
            worker.send({
              channel,
              type: "init",
              keyPrefix: msg.opts.keyPrefix
            });
          } else {
            masterProcessMsg.call(this, worker, msg);
          }
        });
        masterInstance = this;
      }
    };
    var RateLimiterClusterMasterPM2 = class {
      constructor(pm2) {
        if (masterInstance) {
          return masterInstance;
        }
        this._rateLimiters = {};
        pm2.launchBus((err, pm2Bus) => {
          pm2Bus.on("process:msg", (packet) => {
            const msg = packet.raw;
            if (msg && msg.channel === channel && msg.type === "init") {
              if (typeof this._rateLimiters[msg.opts.keyPrefix] === "undefined") {
                this._rateLimiters[msg.opts.keyPrefix] = new RateLimiterMemory3(msg.opts);
              }
              pm2.sendDataToProcessId(packet.process.pm_id, {
                data: {},
                topic: channel,
                channel,
                type: "init",
                keyPrefix: msg.opts.keyPrefix
              }, (sendErr, res) => {
                if (sendErr) {
                  console.log(sendErr, res);
                }
              });
            } else {
              const worker = {
                send: (msgData) => {
                  const pm2Message = msgData;
                  pm2Message.topic = channel;
                  if (typeof pm2Message.data === "undefined") {
                    pm2Message.data = {};
                  }
                  pm2.sendDataToProcessId(packet.process.pm_id, pm2Message, (sendErr, res) => {
                    if (sendErr) {
                      console.log(sendErr, res);
                    }
                  });
                }
              };
              masterProcessMsg.call(this, worker, msg);
            }
          });
        });
        masterInstance = this;
      }
    };
    var RateLimiterClusterWorker = class extends RateLimiterAbstract {
      get timeoutMs() {
        return this._timeoutMs;
      }
      set timeoutMs(value) {
        this._timeoutMs = typeof value === "undefined" ? 5e3 : Math.abs(parseInt(value));
      }
      constructor(opts = {}) {
        super(opts);
        process.setMaxListeners(0);
        this.timeoutMs = opts.timeoutMs;
        this._initiated = false;
        process.on("message", (msg) => {
          if (msg && msg.channel === channel && msg.type === "init" && msg.keyPrefix === this.keyPrefix) {
            this._initiated = true;
          } else {
            workerProcessMsg.call(this, msg);
          }
        });
        process.send({
          channel,
          type: "init",
          opts: getOpts.call(this)
        });
        this._promises = {};
      }
      consume(key, pointsToConsume = 1, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "consume", promiseId, key, pointsToConsume, options);
        });
      }
      penalty(key, points = 1, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "penalty", promiseId, key, points, options);
        });
      }
      reward(key, points = 1, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "reward", promiseId, key, points, options);
        });
      }
      block(key, secDuration, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "block", promiseId, key, secDuration, options);
        });
      }
      get(key, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "get", promiseId, key, options);
        });
      }
      delete(key, options = {}) {
        return new Promise((resolve, reject) => {
          const promiseId = savePromise.call(this, resolve, reject);
          workerSendToMaster.call(this, "delete", promiseId, key, options);
        });
      }
    };
    module.exports = {
      RateLimiterClusterMaster,
      RateLimiterClusterMasterPM2,
      RateLimiterCluster: RateLimiterClusterWorker
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterMemcache.js
var require_RateLimiterMemcache = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterMemcache.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterMemcache = class extends RateLimiterStoreAbstract {
      /**
       *
       * @param {Object} opts
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *
       *   storeClient: memcacheClient
       * }
       */
      constructor(opts) {
        super(opts);
        this.client = opts.storeClient;
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        res.consumedPoints = parseInt(result.consumedPoints);
        res.isFirstInDuration = result.consumedPoints === changedPoints;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = result.msBeforeNext;
        return res;
      }
      _upsert(rlKey, points, msDuration, forceExpire = false, options = {}) {
        return new Promise((resolve, reject) => {
          const nowMs = Date.now();
          const secDuration = Math.floor(msDuration / 1e3);
          if (forceExpire) {
            this.client.set(rlKey, points, secDuration, (err) => {
              if (!err) {
                this.client.set(
                  `${rlKey}_expire`,
                  secDuration > 0 ? nowMs + secDuration * 1e3 : -1,
                  secDuration,
                  () => {
                    const res = {
                      consumedPoints: points,
                      msBeforeNext: secDuration > 0 ? secDuration * 1e3 : -1
                    };
                    resolve(res);
                  }
                );
              } else {
                reject(err);
              }
            });
          } else {
            this.client.incr(rlKey, points, (err, consumedPoints) => {
              if (err || consumedPoints === false) {
                this.client.add(rlKey, points, secDuration, (errAddKey, createdNew) => {
                  if (errAddKey || !createdNew) {
                    if (typeof options.attemptNumber === "undefined" || options.attemptNumber < 3) {
                      const nextOptions = Object.assign({}, options);
                      nextOptions.attemptNumber = nextOptions.attemptNumber ? nextOptions.attemptNumber + 1 : 1;
                      this._upsert(rlKey, points, msDuration, forceExpire, nextOptions).then((resUpsert) => resolve(resUpsert)).catch((errUpsert) => reject(errUpsert));
                    } else {
                      reject(new Error("Can not add key"));
                    }
                  } else {
                    this.client.add(
                      `${rlKey}_expire`,
                      secDuration > 0 ? nowMs + secDuration * 1e3 : -1,
                      secDuration,
                      () => {
                        const res = {
                          consumedPoints: points,
                          msBeforeNext: secDuration > 0 ? secDuration * 1e3 : -1
                        };
                        resolve(res);
                      }
                    );
                  }
                });
              } else {
                this.client.get(`${rlKey}_expire`, (errGetExpire, resGetExpireMs) => {
                  if (errGetExpire) {
                    reject(errGetExpire);
                  } else {
                    const expireMs = resGetExpireMs === false ? 0 : resGetExpireMs;
                    const res = {
                      consumedPoints,
                      msBeforeNext: expireMs >= 0 ? Math.max(expireMs - nowMs, 0) : -1
                    };
                    resolve(res);
                  }
                });
              }
            });
          }
        });
      }
      _get(rlKey) {
        return new Promise((resolve, reject) => {
          const nowMs = Date.now();
          this.client.get(rlKey, (err, consumedPoints) => {
            if (!consumedPoints) {
              resolve(null);
            } else {
              this.client.get(`${rlKey}_expire`, (errGetExpire, resGetExpireMs) => {
                if (errGetExpire) {
                  reject(errGetExpire);
                } else {
                  const expireMs = resGetExpireMs === false ? 0 : resGetExpireMs;
                  const res = {
                    consumedPoints,
                    msBeforeNext: expireMs >= 0 ? Math.max(expireMs - nowMs, 0) : -1
                  };
                  resolve(res);
                }
              });
            }
          });
        });
      }
      _delete(rlKey) {
        return new Promise((resolve, reject) => {
          this.client.del(rlKey, (err, res) => {
            if (err) {
              reject(err);
            } else if (res === false) {
              resolve(res);
            } else {
              this.client.del(`${rlKey}_expire`, (errDelExpire) => {
                if (errDelExpire) {
                  reject(errDelExpire);
                } else {
                  resolve(res);
                }
              });
            }
          });
        });
      }
    };
    module.exports = RateLimiterMemcache;
  }
});

// node_modules/rate-limiter-flexible/lib/RLWrapperBlackAndWhite.js
var require_RLWrapperBlackAndWhite = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RLWrapperBlackAndWhite.js"(exports, module) {
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterCompatibleAbstract = require_RateLimiterCompatibleAbstract();
    module.exports = class RLWrapperBlackAndWhite extends RateLimiterCompatibleAbstract {
      constructor(opts = {}) {
        super();
        this.limiter = opts.limiter;
        this.blackList = opts.blackList;
        this.whiteList = opts.whiteList;
        this.isBlackListed = opts.isBlackListed;
        this.isWhiteListed = opts.isWhiteListed;
        this.runActionAnyway = opts.runActionAnyway;
      }
      get limiter() {
        return this._limiter;
      }
      set limiter(value) {
        if (typeof value === "undefined") {
          throw new Error("limiter is not set");
        }
        this._limiter = value;
      }
      get keyPrefix() {
        return this.limiter.keyPrefix;
      }
      get blockDuration() {
        return this.limiter.blockDuration;
      }
      set blockDuration(value) {
        this.limiter.blockDuration = value;
      }
      get execEvenly() {
        return this.limiter.execEvenly;
      }
      set execEvenly(value) {
        this.limiter.execEvenly = value;
      }
      get runActionAnyway() {
        return this._runActionAnyway;
      }
      set runActionAnyway(value) {
        this._runActionAnyway = typeof value === "undefined" ? false : value;
      }
      get blackList() {
        return this._blackList;
      }
      set blackList(value) {
        this._blackList = Array.isArray(value) ? value : [];
      }
      get isBlackListed() {
        return this._isBlackListed;
      }
      set isBlackListed(func) {
        if (typeof func === "undefined") {
          func = () => false;
        }
        if (typeof func !== "function") {
          throw new Error("isBlackListed must be function");
        }
        this._isBlackListed = func;
      }
      get whiteList() {
        return this._whiteList;
      }
      set whiteList(value) {
        this._whiteList = Array.isArray(value) ? value : [];
      }
      get isWhiteListed() {
        return this._isWhiteListed;
      }
      set isWhiteListed(func) {
        if (typeof func === "undefined") {
          func = () => false;
        }
        if (typeof func !== "function") {
          throw new Error("isWhiteListed must be function");
        }
        this._isWhiteListed = func;
      }
      isBlackListedSomewhere(key) {
        return this.blackList.indexOf(key) >= 0 || this.isBlackListed(key);
      }
      isWhiteListedSomewhere(key) {
        return this.whiteList.indexOf(key) >= 0 || this.isWhiteListed(key);
      }
      getBlackRes() {
        return new RateLimiterRes2(0, Number.MAX_SAFE_INTEGER, 0, false);
      }
      getWhiteRes() {
        return new RateLimiterRes2(Number.MAX_SAFE_INTEGER, 0, 0, false);
      }
      rejectBlack() {
        return Promise.reject(this.getBlackRes());
      }
      resolveBlack() {
        return Promise.resolve(this.getBlackRes());
      }
      resolveWhite() {
        return Promise.resolve(this.getWhiteRes());
      }
      _execAction(action, key, args, rejectOnBlack = false) {
        let res;
        if (this.isWhiteListedSomewhere(key)) {
          res = this.resolveWhite();
        } else if (this.isBlackListedSomewhere(key)) {
          res = rejectOnBlack ? this.rejectBlack() : this.resolveBlack();
        }
        if (typeof res === "undefined") {
          return this.limiter[action](key, ...args);
        }
        if (this.runActionAnyway) {
          this.limiter[action](key, ...args).catch(() => {
          });
        }
        return res;
      }
      consume(key, pointsToConsume = 1, options = {}) {
        return this._execAction("consume", key, [pointsToConsume, options], true);
      }
      block(key, secDuration, options = {}) {
        return this._execAction("block", key, [secDuration, options]);
      }
      penalty(key, points = 1, options = {}) {
        return this._execAction("penalty", key, [points, options]);
      }
      reward(key, points = 1, options = {}) {
        return this._execAction("reward", key, [points, options]);
      }
      get(key, options = {}) {
        if (this.runActionAnyway) {
          return this.limiter.get(key, options);
        }
        return this._execAction("get", key, [options]);
      }
      set(key, points, secDuration, options = {}) {
        return this._execAction("set", key, [points, secDuration, options]);
      }
      delete(key, options = {}) {
        return this.limiter.delete(key, options);
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RLWrapperTimeouts.js
var require_RLWrapperTimeouts = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RLWrapperTimeouts.js"(exports, module) {
    var RateLimiterInsuredAbstract = require_RateLimiterInsuredAbstract();
    var isRateLimiterCompatible = require_isRateLimiterCompatible();
    module.exports = class RLWrapperTimeouts extends RateLimiterInsuredAbstract {
      constructor(opts = {}) {
        super({
          ...opts,
          points: 0,
          duration: 0
        });
        this.limiter = opts.limiter;
        this.timeoutMs = opts.timeoutMs || 0;
      }
      get limiter() {
        return this._limiter;
      }
      set limiter(limiter) {
        if (!isRateLimiterCompatible(limiter)) {
          throw new TypeError("limiter must be an instance of RateLimiterAbstract or RateLimiterCompatibleAbstract");
        }
        this._limiter = limiter;
        if (!this.insuranceLimiter && limiter instanceof RateLimiterInsuredAbstract) {
          this.insuranceLimiter = limiter.insuranceLimiter;
        }
      }
      get timeoutMs() {
        return this._timeoutMs;
      }
      set timeoutMs(value) {
        if (typeof value !== "number" || value < 0) {
          throw new TypeError("timeoutMs must be a non-negative number");
        }
        this._timeoutMs = value;
      }
      _run(funcName, params) {
        return new Promise(async (resolve, reject) => {
          const timeout = setTimeout(() => {
            return reject(new Error("Operation timed out"));
          }, this.timeoutMs);
          await this.limiter[funcName](...params).then((result) => {
            clearTimeout(timeout);
            resolve(result);
          }).catch((err) => {
            clearTimeout(timeout);
            reject(err);
          });
        });
      }
      _consume(key, pointsToConsume = 1, options = {}) {
        return this._run("consume", [key, pointsToConsume, options]);
      }
      _penalty(key, points = 1, options = {}) {
        return this._run("penalty", [key, points, options]);
      }
      _reward(key, points = 1, options = {}) {
        return this._run("reward", [key, points, options]);
      }
      _get(key, options = {}) {
        return this._run("get", [key, options]);
      }
      _set(key, points, secDuration, options = {}) {
        return this._run("set", [key, points, secDuration, options]);
      }
      _block(key, secDuration, options = {}) {
        return this._run("block", [key, secDuration, options]);
      }
      _delete(key, options = {}) {
        return this._run("delete", [key, options]);
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterUnion.js
var require_RateLimiterUnion = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterUnion.js"(exports, module) {
    var isRateLimiterCompatible = require_isRateLimiterCompatible();
    module.exports = class RateLimiterUnion {
      constructor(...limiters) {
        if (limiters.length < 1) {
          throw new Error("RateLimiterUnion: at least one limiter have to be passed");
        }
        limiters.forEach((limiter) => {
          if (!isRateLimiterCompatible(limiter)) {
            throw new Error("RateLimiterUnion: all limiters have to be instance of RateLimiterAbstract or RateLimiterCompatibleAbstract");
          }
        });
        this._limiters = limiters;
      }
      consume(key, points = 1) {
        return new Promise((resolve, reject) => {
          const promises = [];
          this._limiters.forEach((limiter) => {
            promises.push(limiter.consume(key, points).catch((rej) => ({ rejected: true, rej })));
          });
          Promise.all(promises).then((res) => {
            const resObj = {};
            let rejected = false;
            res.forEach((item) => {
              if (item.rejected === true) {
                rejected = true;
              }
            });
            for (let i = 0; i < res.length; i++) {
              if (rejected && res[i].rejected === true) {
                resObj[this._limiters[i].keyPrefix] = res[i].rej;
              } else if (!rejected) {
                resObj[this._limiters[i].keyPrefix] = res[i];
              }
            }
            if (rejected) {
              reject(resObj);
            } else {
              resolve(resObj);
            }
          });
        });
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/component/RateLimiterQueueError.js
var require_RateLimiterQueueError = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/RateLimiterQueueError.js"(exports, module) {
    module.exports = class RateLimiterQueueError extends Error {
      constructor(message, extra) {
        super();
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, this.constructor);
        }
        this.name = "CustomError";
        this.message = message;
        if (extra) {
          this.extra = extra;
        }
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterQueue.js
var require_RateLimiterQueue = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterQueue.js"(exports, module) {
    var RateLimiterQueueError = require_RateLimiterQueueError();
    var MAX_QUEUE_SIZE = 4294967295;
    var KEY_DEFAULT = "limiter";
    function getTokensRemaining(limiterFlexible, key) {
      return limiterFlexible.get(key).then((rlRes) => rlRes !== null ? rlRes.remainingPoints : limiterFlexible.points).catch(() => limiterFlexible.points);
    }
    module.exports = class RateLimiterQueue {
      constructor(limiterFlexible, opts = {}) {
        const maxQueueSize = opts.maxQueueSize !== void 0 ? opts.maxQueueSize : MAX_QUEUE_SIZE;
        this._queueLimiters = {
          [KEY_DEFAULT]: new RateLimiterQueueInternal(limiterFlexible, {
            ...opts,
            maxQueueSize,
            key: KEY_DEFAULT
          })
        };
        this._limiterFlexible = limiterFlexible;
        this._maxQueueSize = maxQueueSize;
      }
      getTokensRemaining(key = KEY_DEFAULT) {
        if (this._queueLimiters[key]) {
          return this._queueLimiters[key].getTokensRemaining();
        } else {
          return getTokensRemaining(this._limiterFlexible, key);
        }
      }
      removeTokens(tokens, key = KEY_DEFAULT, expiresUnixAt = 0) {
        if (!this._queueLimiters[key]) {
          this._queueLimiters[key] = new RateLimiterQueueInternal(
            this._limiterFlexible,
            {
              key,
              maxQueueSize: this._maxQueueSize
            }
          );
        }
        return this._queueLimiters[key].removeTokens(tokens, expiresUnixAt);
      }
    };
    var RateLimiterQueueInternal = class {
      constructor(limiterFlexible, opts = {
        maxQueueSize: MAX_QUEUE_SIZE,
        key: KEY_DEFAULT
      }) {
        this._key = opts.key;
        this._waitTimeout = null;
        this._queue = [];
        this._limiterFlexible = limiterFlexible;
        this._hasExpiringRequests = false;
        this._maxQueueSize = opts.maxQueueSize;
      }
      getTokensRemaining() {
        return getTokensRemaining(this._limiterFlexible, this._key);
      }
      removeTokens(tokens, expiresUnixAt = 0) {
        const _this = this;
        return new Promise((resolve, reject) => {
          if (tokens > _this._limiterFlexible.points) {
            reject(new RateLimiterQueueError(`Requested tokens ${tokens} exceeds maximum ${_this._limiterFlexible.points} tokens per interval`));
            return;
          }
          if (_this._queue.length > 0) {
            _this._queueRequest.call(_this, resolve, reject, tokens, expiresUnixAt);
          } else {
            _this._limiterFlexible.consume(_this._key, tokens).then((res) => {
              resolve(res.remainingPoints);
            }).catch((rej) => {
              if (rej instanceof Error) {
                reject(rej);
              } else {
                _this._queueRequest.call(_this, resolve, reject, tokens, expiresUnixAt);
                if (_this._waitTimeout === null) {
                  _this._waitTimeout = setTimeout(_this._processFIFO.bind(_this), rej.msBeforeNext);
                }
              }
            });
          }
        });
      }
      _queueRequest(resolve, reject, tokens, expiresUnixAt = 0) {
        const _this = this;
        if (_this._queue.length < _this._maxQueueSize) {
          _this._queue.push({ resolve, reject, tokens, expiresUnixAt });
          if (expiresUnixAt > 0) {
            _this._hasExpiringRequests = true;
          }
        } else {
          reject(new RateLimiterQueueError(`Number of requests reached it's maximum ${_this._maxQueueSize}`));
        }
      }
      _processFIFO() {
        const _this = this;
        if (_this._waitTimeout !== null) {
          clearTimeout(_this._waitTimeout);
          _this._waitTimeout = null;
        }
        if (_this._hasExpiringRequests) {
          const nowSecs = Math.floor(Date.now() / 1e3);
          _this._queue = _this._queue.filter((item2) => {
            if (item2.expiresUnixAt > 0 && nowSecs >= item2.expiresUnixAt) {
              item2.reject(new RateLimiterQueueError("The request to remove tokens expired before it could be fulfilled"));
              return false;
            }
            return true;
          });
        }
        if (_this._queue.length === 0) {
          return;
        }
        const item = _this._queue.shift();
        _this._limiterFlexible.consume(_this._key, item.tokens).then((res) => {
          item.resolve(res.remainingPoints);
          _this._processFIFO.call(_this);
        }).catch((rej) => {
          if (rej instanceof Error) {
            item.reject(rej);
            _this._processFIFO.call(_this);
          } else {
            _this._queue.unshift(item);
            if (_this._waitTimeout === null) {
              _this._waitTimeout = setTimeout(_this._processFIFO.bind(_this), rej.msBeforeNext);
            }
          }
        });
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/BurstyRateLimiter.js
var require_BurstyRateLimiter = __commonJS({
  "node_modules/rate-limiter-flexible/lib/BurstyRateLimiter.js"(exports, module) {
    var RateLimiterRes2 = require_RateLimiterRes();
    module.exports = class BurstyRateLimiter {
      constructor(rateLimiter, burstLimiter) {
        this._rateLimiter = rateLimiter;
        this._burstLimiter = burstLimiter;
      }
      /**
       * Merge rate limiter response objects. Responses can be null
       *
       * @param {RateLimiterRes} [rlRes] Rate limiter response
       * @param {RateLimiterRes} [blRes] Bursty limiter response
       */
      _combineRes(rlRes, blRes) {
        if (!rlRes) {
          return null;
        }
        return new RateLimiterRes2(
          rlRes.remainingPoints,
          Math.min(rlRes.msBeforeNext, blRes ? blRes.msBeforeNext : 0),
          rlRes.consumedPoints,
          rlRes.isFirstInDuration
        );
      }
      /**
       * @param key
       * @param pointsToConsume
       * @param options
       * @returns {Promise<any>}
       */
      consume(key, pointsToConsume = 1, options = {}) {
        return this._rateLimiter.consume(key, pointsToConsume, options).catch((rlRej) => {
          if (rlRej instanceof RateLimiterRes2) {
            return this._burstLimiter.consume(key, pointsToConsume, options).then((blRes) => {
              return Promise.resolve(this._combineRes(rlRej, blRes));
            }).catch(
              (blRej) => {
                if (blRej instanceof RateLimiterRes2) {
                  return Promise.reject(this._combineRes(rlRej, blRej));
                } else {
                  return Promise.reject(blRej);
                }
              }
            );
          } else {
            return Promise.reject(rlRej);
          }
        });
      }
      /**
       * It doesn't expose available points from burstLimiter
       *
       * @param key
       * @returns {Promise<RateLimiterRes>}
       */
      get(key) {
        return Promise.all([
          this._rateLimiter.get(key),
          this._burstLimiter.get(key)
        ]).then(([rlRes, blRes]) => {
          return this._combineRes(rlRes, blRes);
        });
      }
      get points() {
        return this._rateLimiter.points;
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterDynamo.js
var require_RateLimiterDynamo = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterDynamo.js"(exports, module) {
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var DynamoItem = class {
      /**
       * Create a DynamoItem.
       * @param {string} rlKey - The key for the rate limiter.
       * @param {number} points - The number of points.
       * @param {number} expire - The expiration time in seconds.
       */
      constructor(rlKey, points, expire) {
        this.key = rlKey;
        this.points = points;
        this.expire = expire;
      }
    };
    var DEFAULT_READ_CAPACITY_UNITS = 25;
    var DEFAULT_WRITE_CAPACITY_UNITS = 25;
    var RateLimiterDynamo = class extends RateLimiterStoreAbstract {
      /**
       * Constructs a new instance of the class.
       * The storeClient MUST be an instance of AWS.DynamoDB NOT of AWS.DynamoDBClient.
       *
       * @param {Object} opts - The options for the constructor.
       * @param {function} cb - The callback function (optional).
       * @return {void}
       */
      constructor(opts, cb = null) {
        super(opts);
        this.client = opts.storeClient;
        this.tableName = opts.tableName;
        this.tableCreated = opts.tableCreated;
        this.ttlManuallySet = opts.ttlSet;
        if (!this.tableCreated) {
          this._createTable(opts.dynamoTableOpts).then((data) => {
            this.tableCreated = true;
            this._setTTL().finally(() => {
              if (typeof cb === "function") {
                cb();
              }
            });
          }).catch((err) => {
            if (typeof cb === "function") {
              cb(err);
            } else {
              throw err;
            }
          });
        } else {
          this._setTTL().finally(() => {
            if (typeof cb === "function") {
              cb();
            }
          });
        }
      }
      get tableName() {
        return this._tableName;
      }
      set tableName(value) {
        this._tableName = typeof value === "undefined" ? "node-rate-limiter-flexible" : value;
      }
      get tableCreated() {
        return this._tableCreated;
      }
      set tableCreated(value) {
        this._tableCreated = typeof value === "undefined" ? false : !!value;
      }
      /**
       * Creates a table in the database. Return null if the table already exists.
       * 
       * @param {{readCapacityUnits: number, writeCapacityUnits: number}} tableOpts
       * @return {Promise} A promise that resolves with the result of creating the table.
       */
      async _createTable(tableOpts) {
        const params = {
          TableName: this.tableName,
          AttributeDefinitions: [
            {
              AttributeName: "key",
              AttributeType: "S"
            }
          ],
          KeySchema: [
            {
              AttributeName: "key",
              KeyType: "HASH"
            }
          ],
          ProvisionedThroughput: {
            ReadCapacityUnits: tableOpts && tableOpts.readCapacityUnits ? tableOpts.readCapacityUnits : DEFAULT_READ_CAPACITY_UNITS,
            WriteCapacityUnits: tableOpts && tableOpts.writeCapacityUnits ? tableOpts.writeCapacityUnits : DEFAULT_WRITE_CAPACITY_UNITS
          }
        };
        try {
          const data = await this.client.createTable(params);
          return data;
        } catch (err) {
          if (err.__type && err.__type.includes("ResourceInUseException")) {
            return null;
          } else {
            throw err;
          }
        }
      }
      /**
       * Retrieves an item from the table based on the provided key.
       *
       * @param {string} rlKey - The key used to retrieve the item.
       * @throws {Error} Throws an error if the table is not created yet.
       * @return {DynamoItem|null} - The retrieved item, or null if it doesn't exist.
       */
      async _get(rlKey) {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        const params = {
          TableName: this.tableName,
          Key: {
            key: { S: rlKey }
          }
        };
        const data = await this.client.getItem(params);
        if (!data.Item) {
          return null;
        }
        const item = new DynamoItem(
          data.Item.key.S,
          Number(data.Item.points.N),
          Number(data.Item.expire.N)
        );
        const dateNowSec = Date.now() / 1e3;
        if (item.expire !== -1 && item.expire <= dateNowSec) {
          return null;
        }
        return item;
      }
      /**
       * Deletes an item from the table based on the given rlKey.
       *
       * @param {string} rlKey - The rlKey of the item to delete.
       * @throws {Error} Throws an error if the table is not created yet.
       * @return {boolean} Returns true if the item was successfully deleted, otherwise false.
       */
      async _delete(rlKey) {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        const params = {
          TableName: this.tableName,
          Key: {
            key: { S: rlKey }
          },
          ConditionExpression: "attribute_exists(#k)",
          ExpressionAttributeNames: {
            "#k": "key"
          }
        };
        try {
          const data = await this._client.deleteItem(params);
          return data.$metadata.httpStatusCode === 200;
        } catch (err) {
          if (err.__type && err.__type.includes("ConditionalCheckFailedException")) {
            return false;
          } else {
            throw err;
          }
        }
      }
      /**
       * Implemented with DynamoDB Atomic Counters. 3 calls are made to DynamoDB but each call is atomic.
       * From the documentation: "UpdateItem calls are naturally serialized within DynamoDB,
       * so there are no race condition concerns with making multiple simultaneous calls."
       * See: https://aws.amazon.com/it/blogs/database/implement-resource-counters-with-amazon-dynamodb/
       * @param {*} rlKey 
       * @param {*} points 
       * @param {*} msDuration 
       * @param {*} forceExpire 
       * @param {*} options 
       * @returns
       */
      async _upsert(rlKey, points, msDuration, forceExpire = false, options = {}) {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        const dateNow = Date.now();
        const dateNowSec = dateNow / 1e3;
        const newExpireSec = msDuration > 0 ? (dateNow + msDuration) / 1e3 : -1;
        if (forceExpire) {
          return await this._baseUpsert({
            TableName: this.tableName,
            Key: { key: { S: rlKey } },
            UpdateExpression: "SET points = :points, expire = :expire",
            ExpressionAttributeValues: {
              ":points": { N: points.toString() },
              ":expire": { N: newExpireSec.toString() }
            },
            ReturnValues: "ALL_NEW"
          });
        }
        try {
          return await this._baseUpsert({
            TableName: this.tableName,
            Key: { key: { S: rlKey } },
            UpdateExpression: "SET points = :new_points, expire = :new_expire",
            ExpressionAttributeValues: {
              ":new_points": { N: points.toString() },
              ":new_expire": { N: newExpireSec.toString() },
              ":where_expire": { N: dateNowSec.toString() }
            },
            ConditionExpression: "expire <= :where_expire OR attribute_not_exists(points)",
            ReturnValues: "ALL_NEW"
          });
        } catch (err) {
          return await this._baseUpsert({
            TableName: this.tableName,
            Key: { key: { S: rlKey } },
            UpdateExpression: "SET points = points + :new_points",
            ExpressionAttributeValues: {
              ":new_points": { N: points.toString() },
              ":where_expire": { N: dateNowSec.toString() }
            },
            ConditionExpression: "expire > :where_expire",
            ReturnValues: "ALL_NEW"
          });
        }
      }
      /**
       * Asynchronously upserts data into the table. params is a DynamoDB params object.
       *
       * @param {Object} params - The parameters for the upsert operation.
       * @throws {Error} Throws an error if the table is not created yet.
       * @return {DynamoItem} Returns a DynamoItem object with the updated data.
       */
      async _baseUpsert(params) {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        try {
          const data = await this.client.updateItem(params);
          return new DynamoItem(
            data.Attributes.key.S,
            Number(data.Attributes.points.N),
            Number(data.Attributes.expire.N)
          );
        } catch (err) {
          throw err;
        }
      }
      /**
       * Sets the Time-to-Live (TTL) for the table. TTL use the expire field in the table.
       * See: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
       *
       * @return {Promise} A promise that resolves when the TTL is successfully set.
       * @throws {Error} Throws an error if the table is not created yet.
       * @returns {Promise}
       */
      async _setTTL() {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        try {
          const isTTLSet = await this._isTTLSet();
          if (isTTLSet) {
            return;
          }
          const params = {
            TableName: this.tableName,
            TimeToLiveSpecification: {
              AttributeName: "expire",
              Enabled: true
            }
          };
          const res = await this.client.updateTimeToLive(params);
          return res;
        } catch (err) {
          throw err;
        }
      }
      /**
       * Checks if the Time To Live (TTL) feature is set for the DynamoDB table.
       *
       * @return {boolean} Returns true if the TTL feature is enabled for the table, otherwise false.
       * @throws {Error} Throws an error if the table is not created yet or if there is an error while checking the TTL status.
       */
      async _isTTLSet() {
        if (!this.tableCreated) {
          throw new Error("Table is not created yet");
        }
        if (this.ttlManuallySet) {
          return true;
        }
        try {
          const res = await this.client.describeTimeToLive({ TableName: this.tableName });
          return res.$metadata.httpStatusCode == 200 && res.TimeToLiveDescription.TimeToLiveStatus === "ENABLED" && res.TimeToLiveDescription.AttributeName === "expire";
        } catch (err) {
          throw err;
        }
      }
      /**
       * Generate a RateLimiterRes object based on the provided parameters.
       *
       * @param {string} rlKey - The key for the rate limiter.
       * @param {number} changedPoints - The number of points that have changed.
       * @param {DynamoItem} result - The result object of _get() method.
       * @returns {RateLimiterRes} - The generated RateLimiterRes object.
       */
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        res.isFirstInDuration = changedPoints === result.points;
        res.consumedPoints = res.isFirstInDuration ? changedPoints : result.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = result.expire != -1 ? Math.max(result.expire * 1e3 - Date.now(), 0) : -1;
        return res;
      }
    };
    module.exports = RateLimiterDynamo;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterPrisma.js
var require_RateLimiterPrisma = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterPrisma.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterPrisma = class extends RateLimiterStoreAbstract {
      /**
       * Constructor for the rate limiter
       * @param {Object} opts - Options for the rate limiter
       */
      constructor(opts) {
        super(opts);
        this.modelName = opts.tableName || "RateLimiterFlexible";
        this.prismaClient = opts.storeClient;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout ?? true;
        if (!this.prismaClient) {
          throw new Error("Prisma client is not provided");
        }
        if (this.clearExpiredByTimeout) {
          this._clearExpiredHourAgo();
        }
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        let doc = result;
        res.isFirstInDuration = doc.points === changedPoints;
        res.consumedPoints = doc.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = doc.expire !== null ? Math.max(new Date(doc.expire).getTime() - Date.now(), 0) : -1;
        return res;
      }
      _upsert(key, points, msDuration, forceExpire = false) {
        if (!this.prismaClient) {
          return Promise.reject(new Error("Prisma client is not established"));
        }
        const model = this.prismaClient[this.modelName];
        const now = /* @__PURE__ */ new Date();
        const newExpire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
        const create = { key, points, expire: newExpire };
        if (forceExpire) {
          return model.upsert({
            where: { key },
            create,
            update: { points, expire: newExpire }
          });
        }
        return model.deleteMany({ where: { key, expire: { lte: now } } }).then(() => model.upsert({
          where: { key },
          create,
          update: { points: { increment: points } }
        }));
      }
      _get(rlKey) {
        if (!this.prismaClient) {
          return Promise.reject(new Error("Prisma client is not established"));
        }
        return this.prismaClient[this.modelName].findFirst({
          where: {
            AND: [
              { key: rlKey },
              {
                OR: [
                  { expire: { gt: /* @__PURE__ */ new Date() } },
                  { expire: null }
                ]
              }
            ]
          }
        });
      }
      _delete(rlKey) {
        if (!this.prismaClient) {
          return Promise.reject(new Error("Prisma client is not established"));
        }
        return this.prismaClient[this.modelName].deleteMany({
          where: {
            key: rlKey
          }
        }).then((res) => res.count > 0);
      }
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) {
          clearTimeout(this._clearExpiredTimeoutId);
        }
        this._clearExpiredTimeoutId = setTimeout(async () => {
          try {
            await this.prismaClient[this.modelName].deleteMany({
              where: {
                expire: {
                  lt: new Date(Date.now() - 36e5)
                }
              }
            });
          } catch (error) {
            console.warn("Failed to clear expired records:", error);
          }
          this._clearExpiredHourAgo();
        }, 3e5);
        this._clearExpiredTimeoutId.unref();
      }
    };
    module.exports = RateLimiterPrisma;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterDrizzle.js
var require_RateLimiterDrizzle = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterDrizzle.js"(exports, module) {
    var drizzleOperators = null;
    var CLEANUP_INTERVAL_MS = 3e5;
    var EXPIRED_THRESHOLD_MS = 36e5;
    var RateLimiterDrizzleError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "RateLimiterDrizzleError";
      }
    };
    async function loadDrizzleOperators() {
      if (drizzleOperators) return drizzleOperators;
      const requiredOperators = ["and", "or", "gt", "lt", "eq", "isNull", "sql"];
      function getPackageName() {
        return ["drizzle", "orm"].join("-");
      }
      const collectModuleLayers = (mod) => {
        const layers = [];
        const seen = /* @__PURE__ */ new Set();
        let current = mod;
        while (current && (typeof current === "object" || typeof current === "function") && !seen.has(current)) {
          layers.push(current);
          seen.add(current);
          current = current.default;
        }
        return layers;
      };
      const importModule = async (specifier, { optional = false } = {}) => {
        try {
          return await import(
            /* @vite-ignore */
            specifier
          );
        } catch (error) {
          if (optional) {
            return null;
          }
          throw new RateLimiterDrizzleError(
            error.message || "Failed to import drizzle-orm package."
          );
        }
      };
      const mainModule = await importModule(`${getPackageName()}`);
      const sqlModule = await importModule(`${getPackageName()}/sql`, { optional: true });
      const mainCandidates = collectModuleLayers(mainModule);
      const sqlCandidates = sqlModule ? collectModuleLayers(sqlModule) : [];
      const resolvedOperators = {};
      const missingOperators = [];
      for (const operatorName of requiredOperators) {
        const candidates = operatorName === "sql" ? [...sqlCandidates, ...mainCandidates] : mainCandidates;
        const operator = candidates.map((candidate) => candidate?.[operatorName]).find((value) => typeof value === "function");
        if (!operator) {
          missingOperators.push(operatorName);
          continue;
        }
        resolvedOperators[operatorName] = operator;
      }
      if (missingOperators.length > 0) {
        throw new RateLimiterDrizzleError(
          `Failed to load drizzle-orm operators: missing ${missingOperators.join(", ")}`
        );
      }
      drizzleOperators = resolvedOperators;
      return drizzleOperators;
    }
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterDrizzle = class extends RateLimiterStoreAbstract {
      constructor(opts) {
        super(opts);
        if (!opts?.schema) {
          throw new RateLimiterDrizzleError("Drizzle schema is required");
        }
        if (!opts?.storeClient) {
          throw new RateLimiterDrizzleError("Drizzle client is required");
        }
        this.schema = opts.schema;
        this.drizzleClient = opts.storeClient;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout ?? true;
        if (this.clearExpiredByTimeout) {
          this._clearExpiredHourAgo();
        }
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        let doc = result;
        res.isFirstInDuration = doc.points === changedPoints;
        res.consumedPoints = doc.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = doc.expire !== null ? Math.max(new Date(doc.expire).getTime() - Date.now(), 0) : -1;
        return res;
      }
      async _upsert(key, points, msDuration, forceExpire = false) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { sql } = await loadDrizzleOperators();
        const now = /* @__PURE__ */ new Date();
        const newExpire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
        const expired = sql`${this.schema.expire} <= ${sql.param(now, this.schema.expire)}`;
        const nextExpire = sql.param(newExpire, this.schema.expire);
        const [data] = await this.drizzleClient.insert(this.schema).values({
          key,
          points,
          expire: newExpire
        }).onConflictDoUpdate({
          target: this.schema.key,
          set: forceExpire ? { points, expire: newExpire } : {
            points: sql`CASE WHEN ${expired} THEN ${points} ELSE ${this.schema.points} + ${points} END`,
            expire: sql`CASE WHEN ${expired} THEN ${nextExpire} ELSE ${this.schema.expire} END`
          }
        }).returning();
        return data;
      }
      async _get(rlKey) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { and, or, gt, eq, isNull } = await loadDrizzleOperators();
        const [response] = await this.drizzleClient.select().from(this.schema).where(
          and(
            eq(this.schema.key, rlKey),
            or(gt(this.schema.expire, /* @__PURE__ */ new Date()), isNull(this.schema.expire))
          )
        ).limit(1);
        return response || null;
      }
      async _delete(rlKey) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { eq } = await loadDrizzleOperators();
        const [result] = await this.drizzleClient.delete(this.schema).where(eq(this.schema.key, rlKey)).returning({ key: this.schema.key });
        return !!result?.key;
      }
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) {
          clearTimeout(this._clearExpiredTimeoutId);
        }
        this._clearExpiredTimeoutId = setTimeout(async () => {
          try {
            const { lt } = await loadDrizzleOperators();
            await this.drizzleClient.delete(this.schema).where(lt(this.schema.expire, new Date(Date.now() - EXPIRED_THRESHOLD_MS)));
          } catch (error) {
            console.warn("Failed to clear expired records:", error);
          }
          this._clearExpiredHourAgo();
        }, CLEANUP_INTERVAL_MS);
        this._clearExpiredTimeoutId.unref();
      }
    };
    module.exports = RateLimiterDrizzle;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterDrizzleNonAtomic.js
var require_RateLimiterDrizzleNonAtomic = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterDrizzleNonAtomic.js"(exports, module) {
    var drizzleOperators = null;
    var CLEANUP_INTERVAL_MS = 3e5;
    var EXPIRED_THRESHOLD_MS = 36e5;
    var RateLimiterDrizzleError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "RateLimiterDrizzleError";
      }
    };
    async function getDrizzleOperators() {
      if (drizzleOperators) return drizzleOperators;
      try {
        let getPackageName2 = function() {
          return ["drizzle", "orm"].join("-");
        };
        var getPackageName = getPackageName2;
        const drizzleOrm = await import(`${getPackageName2()}`);
        const { and, or, gt, lt, eq, isNull, sql } = drizzleOrm.default || drizzleOrm;
        drizzleOperators = { and, or, gt, lt, eq, isNull, sql };
        return drizzleOperators;
      } catch (error) {
        throw new RateLimiterDrizzleError(
          "drizzle-orm is not installed. Please install drizzle-orm to use RateLimiterDrizzleNonAtomic."
        );
      }
    }
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterDrizzleNonAtomic = class extends RateLimiterStoreAbstract {
      constructor(opts) {
        super(opts);
        if (!opts?.schema) {
          throw new RateLimiterDrizzleError("Drizzle schema is required");
        }
        if (!opts?.storeClient) {
          throw new RateLimiterDrizzleError("Drizzle client is required");
        }
        this.schema = opts.schema;
        this.drizzleClient = opts.storeClient;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout ?? true;
        if (this.clearExpiredByTimeout) {
          this._clearExpiredHourAgo();
        }
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        let doc = result;
        res.isFirstInDuration = doc.points === changedPoints;
        res.consumedPoints = doc.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = doc.expire !== null ? Math.max(new Date(doc.expire).getTime() - Date.now(), 0) : -1;
        return res;
      }
      async _upsert(key, points, msDuration, forceExpire = false) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { eq } = await getDrizzleOperators();
        const now = /* @__PURE__ */ new Date();
        const newExpire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
        const [existingRecord] = await this.drizzleClient.select().from(this.schema).where(eq(this.schema.key, key)).limit(1);
        const shouldUpdateExpire = forceExpire || !existingRecord || existingRecord.expire !== null && existingRecord.expire <= now;
        let newPoints;
        if (existingRecord && !shouldUpdateExpire) {
          newPoints = existingRecord.points + points;
        } else {
          newPoints = points;
        }
        const [data] = await this.drizzleClient.insert(this.schema).values({
          key,
          points: newPoints,
          expire: newExpire
        }).onConflictDoUpdate({
          target: this.schema.key,
          set: {
            points: newPoints,
            ...shouldUpdateExpire && { expire: newExpire }
          }
        }).returning();
        return data;
      }
      async _get(rlKey) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { and, or, gt, eq, isNull } = await getDrizzleOperators();
        const [response] = await this.drizzleClient.select().from(this.schema).where(
          and(
            eq(this.schema.key, rlKey),
            or(gt(this.schema.expire, /* @__PURE__ */ new Date()), isNull(this.schema.expire))
          )
        ).limit(1);
        return response || null;
      }
      async _delete(rlKey) {
        if (!this.drizzleClient) {
          return Promise.reject(new RateLimiterDrizzleError("Drizzle client is not established"));
        }
        const { eq } = await getDrizzleOperators();
        const [result] = await this.drizzleClient.delete(this.schema).where(eq(this.schema.key, rlKey)).returning({ key: this.schema.key });
        return !!(result && result.key);
      }
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) {
          clearTimeout(this._clearExpiredTimeoutId);
        }
        this._clearExpiredTimeoutId = setTimeout(async () => {
          try {
            const { lt } = await getDrizzleOperators();
            await this.drizzleClient.delete(this.schema).where(lt(this.schema.expire, new Date(Date.now() - EXPIRED_THRESHOLD_MS)));
          } catch (error) {
            console.warn("Failed to clear expired records:", error);
          }
          this._clearExpiredHourAgo();
        }, CLEANUP_INTERVAL_MS);
        this._clearExpiredTimeoutId.unref();
      }
    };
    module.exports = RateLimiterDrizzleNonAtomic;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterValkey.js
var require_RateLimiterValkey = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterValkey.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var incrTtlLuaScript = `
server.call('set', KEYS[1], 0, 'EX', ARGV[2], 'NX')
local consumed = server.call('incrby', KEYS[1], ARGV[1])
local ttl = server.call('pttl', KEYS[1])
return {consumed, ttl}
`;
    var RateLimiterValkey = class extends RateLimiterStoreAbstract {
      /**
       *
       * @param {Object} opts
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *
       *   storeClient: ValkeyClient
       *   rejectIfValkeyNotReady: boolean = false - reject / invoke insuranceLimiter immediately when valkey connection is not "ready"
       * }
       */
      constructor(opts) {
        super(opts);
        this.client = opts.storeClient;
        this._rejectIfValkeyNotReady = !!opts.rejectIfValkeyNotReady;
        this._incrTtlLuaScript = opts.customIncrTtlLuaScript || incrTtlLuaScript;
        this.client.defineCommand("rlflxIncr", {
          numberOfKeys: 1,
          lua: this._incrTtlLuaScript
        });
      }
      /**
       * Prevent actual valkey call if valkey connection is not ready
       * @return {boolean}
       * @private
       */
      _isValkeyReady() {
        if (!this._rejectIfValkeyNotReady) {
          return true;
        }
        return this.client.status === "ready";
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        let consumed;
        let resTtlMs;
        if (Array.isArray(result[0])) {
          [[, consumed], [, resTtlMs]] = result;
        } else {
          [consumed, resTtlMs] = result;
        }
        const res = new RateLimiterRes2();
        res.consumedPoints = +consumed;
        res.isFirstInDuration = res.consumedPoints === changedPoints;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = resTtlMs;
        return res;
      }
      _upsert(rlKey, points, msDuration, forceExpire = false) {
        if (!this._isValkeyReady()) {
          throw new Error("Valkey connection is not ready");
        }
        const secDuration = Math.floor(msDuration / 1e3);
        if (forceExpire) {
          const multi = this.client.multi();
          if (secDuration > 0) {
            multi.set(rlKey, points, "EX", secDuration);
          } else {
            multi.set(rlKey, points);
          }
          return multi.pttl(rlKey).exec();
        }
        if (secDuration > 0) {
          return this.client.rlflxIncr([rlKey, String(points), String(secDuration), String(this.points), String(this.duration)]);
        }
        return this.client.multi().incrby(rlKey, points).pttl(rlKey).exec();
      }
      _get(rlKey) {
        if (!this._isValkeyReady()) {
          throw new Error("Valkey connection is not ready");
        }
        return this.client.multi().get(rlKey).pttl(rlKey).exec().then((result) => {
          const [[, points]] = result;
          if (points === null) return null;
          return result;
        });
      }
      _delete(rlKey) {
        return this.client.del(rlKey).then((result) => result > 0);
      }
    };
    module.exports = RateLimiterValkey;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterValkeyGlide.js
var require_RateLimiterValkeyGlide = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterValkeyGlide.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var DEFAULT_LIBRARY_NAME = "ratelimiterflexible";
    var DEFAULT_VALKEY_SCRIPT = `local key = KEYS[1]
local pointsToConsume = tonumber(ARGV[1])
if tonumber(ARGV[2]) > 0 then
  server.call('set', key, "0", 'EX', ARGV[2], 'NX')
  local consumed = server.call('incrby', key, pointsToConsume)
  local pttl = server.call('pttl', key)
  return {consumed, pttl}
end
local consumed = server.call('incrby', key, pointsToConsume)
local pttl = server.call('pttl', key)
return {consumed, pttl}`;
    var GET_VALKEY_SCRIPT = `local key = KEYS[1]
local value = server.call('get', key)
if value == nil then
  return value
end
local pttl = server.call('pttl', key)
return {tonumber(value), pttl}`;
    var RateLimiterValkeyGlide = class extends RateLimiterStoreAbstract {
      /**
       * Constructor for RateLimiterValkeyGlide
       *
       * @param {Object} opts - Configuration options
       * @param {GlideClient|GlideClusterClient} opts.storeClient - Valkey Glide client instance (required)
       * @param {number} opts.points - Maximum number of points that can be consumed over duration (required)
       * @param {number} opts.duration - Duration in seconds before points are reset (required, 0 = never expires)
       * @param {number} [opts.blockDuration=0] - Duration in seconds that a key will be blocked for if consumed more than points
       * @param {boolean} [opts.rejectIfValkeyNotReady=false] - Whether to reject requests if Valkey is not ready
       * @param {boolean} [opts.execEvenly=false] - Delay actions to distribute them evenly over duration
       * @param {number} [opts.execEvenlyMinDelayMs] - Minimum delay between actions when execEvenly is true
       * @param {string} [opts.customFunction] - Custom Lua script for rate limiting logic
       * @param {number} [opts.inMemoryBlockOnConsumed] - Points threshold for in-memory blocking
       * @param {number} [opts.inMemoryBlockDuration] - Duration in seconds for in-memory blocking
       * @param {string} [opts.customFunctionLibName] - Custom name for the function library, defaults to 'ratelimiter'.
       * The name is used to identify the library of the lua function. An custom name should be used only if you
       * you want to use different libraries for different rate limiters, otherwise it is not needed.
       * @param {RateLimiterAbstract} [opts.insuranceLimiter] - Backup limiter to use when the primary client fails
       *
       * @example
       * const rateLimiter = new RateLimiterValkeyGlide({
       *   storeClient: glideClient,
       *   points: 5,
       *   duration: 1
       * });
       *
       * @example <caption>With custom Lua function</caption>
       * const customScript = `local key = KEYS[1]
       * local pointsToConsume = tonumber(ARGV[1]) or 0
       * local secDuration = tonumber(ARGV[2]) or 0
       *
       * -- Custom implementation
       * -- ...
       *
       * -- Must return exactly two values: [consumed_points, ttl_in_ms]
       * return {consumed, ttl}`
       *
       * const rateLimiter = new RateLimiterValkeyGlide({
       *   storeClient: glideClient,
       *   points: 5,
       *   customFunction: customScript
       * });
       *
       * @example <caption>With insurance limiter</caption>
       * const rateLimiter = new RateLimiterValkeyGlide({
       *   storeClient: primaryGlideClient,
       *   points: 5,
       *   duration: 2,
       *   insuranceLimiter: new RateLimiterMemory({
       *     points: 5,
       *     duration: 2
       *   })
       * });
       *
       * @description
       * When providing a custom Lua script via `opts.customFunction`, it must:
       *
       * 1. Accept parameters:
       *    - KEYS[1]: The key being rate limited
       *    - ARGV[1]: Points to consume (as string, use tonumber() to convert)
       *    - ARGV[2]: Duration in seconds (as string, use tonumber() to convert)
       *
       * 2. Return an array with exactly two elements:
       *    - [0]: Consumed points (number)
       *    - [1]: TTL in milliseconds (number)
       *
       * 3. Handle scenarios:
       *    - New key creation: Initialize with expiry for fixed windows
       *    - Key updates: Increment existing counters
       */
      constructor(opts) {
        super(opts);
        this.client = opts.storeClient;
        this._scriptLoaded = false;
        this._getScriptLoaded = false;
        this._rejectIfValkeyNotReady = !!opts.rejectIfValkeyNotReady;
        this._luaScript = opts.customFunction || DEFAULT_VALKEY_SCRIPT;
        this._libraryName = opts.customFunctionLibName || DEFAULT_LIBRARY_NAME;
      }
      /**
       * Ensure scripts are loaded in the Valkey server
       * @returns {Promise<boolean>} True if scripts are loaded
       * @private
       */
      async _loadScripts() {
        if (this._scriptLoaded && this._getScriptLoaded) {
          return true;
        }
        if (!this.client) {
          throw new Error("Valkey client is not set");
        }
        const promises = [];
        if (!this._scriptLoaded) {
          const script = Buffer.from(`#!lua name=${this._libraryName}
        local function consume(KEYS, ARGV)
          ${this._luaScript.trim()}
        end
        server.register_function('consume', consume)`);
          promises.push(this.client.functionLoad(script, { replace: true }));
        } else promises.push(Promise.resolve(this._libraryName));
        if (!this._getScriptLoaded) {
          const script = Buffer.from(`#!lua name=ratelimiter_get
        local function getValue(KEYS, ARGV)
          ${GET_VALKEY_SCRIPT.trim()}
        end
        server.register_function('getValue', getValue)`);
          promises.push(this.client.functionLoad(script, { replace: true }));
        } else promises.push(Promise.resolve("ratelimiter_get"));
        const results = await Promise.all(promises);
        this._scriptLoaded = results[0] === this._libraryName;
        this._getScriptLoaded = results[1] === "ratelimiter_get";
        if (!this._scriptLoaded || !this._getScriptLoaded) {
          throw new Error("Valkey connection is not ready, scripts not loaded");
        }
        return true;
      }
      /**
       * Update or insert the rate limiter record
       *
       * @param {string} rlKey - The rate limiter key
       * @param {number} pointsToConsume - Points to be consumed
       * @param {number} msDuration - Duration in milliseconds
       * @param {boolean} [forceExpire=false] - Whether to force expiration
       * @param {Object} [options={}] - Additional options
       * @returns {Promise<Array>} Array containing consumed points and TTL
       * @private
       */
      async _upsert(rlKey, pointsToConsume, msDuration, forceExpire = false, options = {}) {
        await this._loadScripts();
        const secDuration = Math.floor(msDuration / 1e3);
        if (forceExpire) {
          if (secDuration > 0) {
            await this.client.set(
              rlKey,
              String(pointsToConsume),
              { expiry: { type: "EX", count: secDuration } }
            );
            return [pointsToConsume, secDuration * 1e3];
          }
          await this.client.set(rlKey, String(pointsToConsume));
          return [pointsToConsume, -1];
        }
        const result = await this.client.fcall(
          "consume",
          [rlKey],
          [String(pointsToConsume), String(secDuration)]
        );
        return result;
      }
      /**
       * Get the rate limiter record
       *
       * @param {string} rlKey - The rate limiter key
       * @param {Object} [options={}] - Additional options
       * @returns {Promise<Array|null>} Array containing consumed points and TTL, or null if not found
       * @private
       */
      async _get(rlKey, options = {}) {
        await this._loadScripts();
        const res = await this.client.fcall("getValue", [rlKey], []);
        return res.length > 0 ? res : null;
      }
      /**
       * Delete the rate limiter record
       *
       * @param {string} rlKey - The rate limiter key
       * @param {Object} [options={}] - Additional options
       * @returns {Promise<boolean>} True if successful, false otherwise
       * @private
       */
      async _delete(rlKey, options = {}) {
        const result = await this.client.del([rlKey]);
        return result > 0;
      }
      /**
       * Convert raw result to RateLimiterRes object
       *
       * @param {string} rlKey - The rate limiter key
       * @param {number} changedPoints - Points changed in this operation
       * @param {Array|null} result - Result from Valkey operation
       * @returns {RateLimiterRes|null} RateLimiterRes object or null if result is null
       * @private
       */
      _getRateLimiterRes(rlKey, changedPoints, result) {
        if (result === null) {
          return null;
        }
        const res = new RateLimiterRes2();
        const [consumedPointsStr, pttl] = result;
        const consumedPoints = Number(consumedPointsStr);
        res.isFirstInDuration = consumedPoints === changedPoints;
        res.consumedPoints = consumedPoints;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = pttl;
        return res;
      }
      /**
       * Close the rate limiter and release resources
       * Note: The method won't going to close the Valkey client, as it may be shared with other instances.
       * @returns {Promise<void>} Promise that resolves when the rate limiter is closed
       */
      async close() {
        if (this._scriptLoaded) {
          await this.client.functionDelete(this._libraryName);
          this._scriptLoaded = false;
        }
        if (this._getScriptLoaded) {
          await this.client.functionDelete("ratelimiter_get");
          this._getScriptLoaded = false;
        }
        if (this.insuranceLimiter) {
          try {
            await this.insuranceLimiter.close();
          } catch (e) {
          }
        }
        this.client = null;
        this._scriptLoaded = false;
        this._getScriptLoaded = false;
        this._rejectIfValkeyNotReady = false;
        this._luaScript = null;
        this._libraryName = null;
        this.insuranceLimiter = null;
      }
    };
    module.exports = RateLimiterValkeyGlide;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterSQLite.js
var require_RateLimiterSQLite = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterSQLite.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterSQLite = class extends RateLimiterStoreAbstract {
      /**
       * Internal store type used to determine the SQLite client in use.
       * It can be one of the following:
       * - `"sqlite3".
       * - `"better-sqlite3".
       *
       * @type {("sqlite3" | "better-sqlite3" | null)}
       * @private
       */
      _internalStoreType = null;
      /**
       * @callback callback
       * @param {Object} err
       *
       * @param {Object} opts
       * @param {callback} cb
       * Defaults {
       *   ... see other in RateLimiterStoreAbstract
       *   storeClient: sqliteClient, // SQLite database instance (sqlite3, better-sqlite3, or knex instance)
       *   storeType: 'sqlite3' | 'better-sqlite3' | 'knex', // Optional, defaults to 'sqlite3'
       *   tableName: 'string',
       *   tableCreated: boolean,
       *   clearExpiredByTimeout: boolean,
       * }
       */
      constructor(opts, cb = null) {
        super(opts);
        this.client = opts.storeClient;
        this.storeType = opts.storeType || "sqlite3";
        this.tableName = opts.tableName;
        this.tableCreated = opts.tableCreated || false;
        this.clearExpiredByTimeout = opts.clearExpiredByTimeout;
        this._validateStoreTypes(cb);
        this._validateStoreClient(cb);
        this._setInternalStoreType(cb);
        this._validateTableName(cb);
        if (!this.tableCreated) {
          this._createDbAndTable().then(() => {
            this.tableCreated = true;
            if (this.clearExpiredByTimeout) this._clearExpiredHourAgo();
            if (typeof cb === "function") cb();
          }).catch((err) => {
            if (typeof cb === "function") cb(err);
            else throw err;
          });
        } else {
          if (this.clearExpiredByTimeout) this._clearExpiredHourAgo();
          if (typeof cb === "function") cb();
        }
      }
      _validateStoreTypes(cb) {
        const validStoreTypes = ["sqlite3", "better-sqlite3", "knex"];
        if (!validStoreTypes.includes(this.storeType)) {
          const err = new Error(
            `storeType must be one of: ${validStoreTypes.join(", ")}`
          );
          if (typeof cb === "function") return cb(err);
          throw err;
        }
      }
      _validateStoreClient(cb) {
        if (this.storeType === "sqlite3") {
          if (typeof this.client.run !== "function") {
            const err = new Error(
              "storeClient must be an instance of sqlite3.Database when storeType is 'sqlite3' or no storeType was provided"
            );
            if (typeof cb === "function") return cb(err);
            throw err;
          }
        } else if (this.storeType === "better-sqlite3") {
          if (typeof this.client.prepare !== "function" || typeof this.client.run !== "undefined") {
            const err = new Error(
              "storeClient must be an instance of better-sqlite3.Database when storeType is 'better-sqlite3'"
            );
            if (typeof cb === "function") return cb(err);
            throw err;
          }
        } else if (this.storeType === "knex") {
          if (typeof this.client.raw !== "function") {
            const err = new Error(
              "storeClient must be an instance of Knex when storeType is 'knex'"
            );
            if (typeof cb === "function") return cb(err);
            throw err;
          }
        }
      }
      _setInternalStoreType(cb) {
        if (this.storeType === "knex") {
          const knexClientType = this.client.client.config.client;
          if (knexClientType === "sqlite3") {
            this._internalStoreType = "sqlite3";
          } else if (knexClientType === "better-sqlite3") {
            this._internalStoreType = "better-sqlite3";
          } else {
            const err = new Error(
              "Knex must be configured with 'sqlite3' or 'better-sqlite3' for RateLimiterSQLite"
            );
            if (typeof cb === "function") return cb(err);
            throw err;
          }
        } else {
          this._internalStoreType = this.storeType;
        }
      }
      _validateTableName(cb) {
        if (!/^[A-Za-z0-9_]*$/.test(this.tableName)) {
          const err = new Error("Table name must contain only letters and numbers");
          if (typeof cb === "function") return cb(err);
          throw err;
        }
      }
      /**
       * Acquires the database connection based on the storeType.
       * @returns {Promise<Object>} The database client or connection
       */
      async _getConnection() {
        if (this.storeType === "knex") {
          return this.client.client.acquireConnection();
        }
        return this.client;
      }
      /**
       * Releases the database connection if necessary.
       * @param {Object} conn The database client or connection
       */
      _releaseConnection(conn) {
        if (this.storeType === "knex") {
          this.client.client.releaseConnection(conn);
        }
      }
      async _createDbAndTable() {
        const conn = await this._getConnection();
        try {
          switch (this._internalStoreType) {
            case "sqlite3":
              await new Promise((resolve, reject) => {
                conn.run(
                  this._getCreateTableSQL(),
                  (err) => err ? reject(err) : resolve()
                );
              });
              break;
            case "better-sqlite3":
              conn.prepare(this._getCreateTableSQL()).run();
              break;
            default:
              throw new Error("Unsupported internalStoreType");
          }
        } finally {
          this._releaseConnection(conn);
        }
      }
      _getCreateTableSQL() {
        return `CREATE TABLE IF NOT EXISTS ${this.tableName} (
      key TEXT PRIMARY KEY,
      points INTEGER NOT NULL DEFAULT 0,
      expire INTEGER
    )`;
      }
      _clearExpiredHourAgo() {
        if (this._clearExpiredTimeoutId) clearTimeout(this._clearExpiredTimeoutId);
        this._clearExpiredTimeoutId = setTimeout(() => {
          this.clearExpired(Date.now() - 36e5).then(() => this._clearExpiredHourAgo());
        }, 3e5);
        this._clearExpiredTimeoutId.unref();
      }
      async clearExpired(nowMs) {
        const sql = `DELETE FROM ${this.tableName} WHERE expire < ?`;
        const conn = await this._getConnection();
        try {
          switch (this._internalStoreType) {
            case "sqlite3":
              await new Promise((resolve, reject) => {
                conn.run(sql, [nowMs], (err) => err ? reject(err) : resolve());
              });
              break;
            case "better-sqlite3":
              conn.prepare(sql).run(nowMs);
              break;
            default:
              throw new Error("Unsupported internalStoreType");
          }
        } finally {
          this._releaseConnection(conn);
        }
      }
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        res.isFirstInDuration = changedPoints === result.points;
        res.consumedPoints = res.isFirstInDuration ? changedPoints : result.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = result.expire ? Math.max(result.expire - Date.now(), 0) : -1;
        return res;
      }
      async _upsertTransactionSQLite3(conn, upsertQuery, upsertParams) {
        return await new Promise((resolve, reject) => {
          conn.serialize(() => {
            conn.run("SAVEPOINT rate_limiter_trx;", (err) => {
              if (err) return reject(err);
              conn.get(upsertQuery, upsertParams, (err2, row) => {
                if (err2) {
                  conn.run(
                    "ROLLBACK TO SAVEPOINT rate_limiter_trx;",
                    () => reject(err2)
                  );
                  return;
                }
                conn.run("RELEASE SAVEPOINT rate_limiter_trx;", () => resolve(row));
              });
            });
          });
        });
      }
      async _upsertTransactionBetterSQLite3(conn, upsertQuery, upsertParams) {
        return conn.transaction(
          () => conn.prepare(upsertQuery).get(...upsertParams)
        )();
      }
      async _upsertTransaction(rlKey, points, msDuration, forceExpire) {
        const dateNow = Date.now();
        const newExpire = msDuration > 0 ? dateNow + msDuration : null;
        const upsertQuery = forceExpire ? `INSERT OR REPLACE INTO ${this.tableName} (key, points, expire) VALUES (?, ?, ?) RETURNING points, expire` : `INSERT INTO ${this.tableName} (key, points, expire)
         VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET
           points = CASE WHEN expire IS NULL OR expire > ? THEN points + excluded.points ELSE excluded.points END,
           expire = CASE WHEN expire IS NULL OR expire > ? THEN expire ELSE excluded.expire END
         RETURNING points, expire`;
        const upsertParams = forceExpire ? [rlKey, points, newExpire] : [rlKey, points, newExpire, dateNow, dateNow];
        const conn = await this._getConnection();
        try {
          switch (this._internalStoreType) {
            case "sqlite3":
              return this._upsertTransactionSQLite3(
                conn,
                upsertQuery,
                upsertParams
              );
            case "better-sqlite3":
              return this._upsertTransactionBetterSQLite3(
                conn,
                upsertQuery,
                upsertParams
              );
            default:
              throw new Error("Unsupported internalStoreType");
          }
        } finally {
          this._releaseConnection(conn);
        }
      }
      _upsert(rlKey, points, msDuration, forceExpire = false) {
        if (!this.tableCreated) {
          return Promise.reject(new Error("Table is not created yet"));
        }
        return this._upsertTransaction(rlKey, points, msDuration, forceExpire);
      }
      async _get(rlKey) {
        const sql = `SELECT points, expire FROM ${this.tableName} WHERE key = ? AND (expire > ? OR expire IS NULL)`;
        const now = Date.now();
        const conn = await this._getConnection();
        try {
          switch (this._internalStoreType) {
            case "sqlite3":
              return await new Promise((resolve, reject) => {
                conn.get(
                  sql,
                  [rlKey, now],
                  (err, row) => err ? reject(err) : resolve(row || null)
                );
              });
            case "better-sqlite3":
              return conn.prepare(sql).get(rlKey, now) || null;
            default:
              throw new Error("Unsupported internalStoreType");
          }
        } finally {
          this._releaseConnection(conn);
        }
      }
      async _delete(rlKey) {
        if (!this.tableCreated) {
          return Promise.reject(new Error("Table is not created yet"));
        }
        const sql = `DELETE FROM ${this.tableName} WHERE key = ?`;
        const conn = await this._getConnection();
        try {
          switch (this._internalStoreType) {
            case "sqlite3":
              return await new Promise((resolve, reject) => {
                conn.run(sql, [rlKey], function(err) {
                  if (err) reject(err);
                  else resolve(this.changes > 0);
                });
              });
            case "better-sqlite3":
              const result = conn.prepare(sql).run(rlKey);
              return result.changes > 0;
            default:
              throw new Error("Unsupported internalStoreType");
          }
        } finally {
          this._releaseConnection(conn);
        }
      }
    };
    module.exports = RateLimiterSQLite;
  }
});

// node_modules/rate-limiter-flexible/lib/component/RateLimiterEtcdTransactionFailedError.js
var require_RateLimiterEtcdTransactionFailedError = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/RateLimiterEtcdTransactionFailedError.js"(exports, module) {
    module.exports = class RateLimiterEtcdTransactionFailedError extends Error {
      constructor(message) {
        super();
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, this.constructor);
        }
        this.name = "RateLimiterEtcdTransactionFailedError";
        this.message = message;
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/component/RateLimiterSetupError.js
var require_RateLimiterSetupError = __commonJS({
  "node_modules/rate-limiter-flexible/lib/component/RateLimiterSetupError.js"(exports, module) {
    module.exports = class RateLimiterSetupError extends Error {
      constructor(message) {
        super();
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, this.constructor);
        }
        this.name = "RateLimiterSetupError";
        this.message = message;
      }
    };
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterEtcdNonAtomic.js
var require_RateLimiterEtcdNonAtomic = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterEtcdNonAtomic.js"(exports, module) {
    var RateLimiterStoreAbstract = require_RateLimiterStoreAbstract();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterSetupError = require_RateLimiterSetupError();
    var RateLimiterEtcdNonAtomic = class extends RateLimiterStoreAbstract {
      /**
       * @param {Object} opts
       */
      constructor(opts) {
        super(opts);
        if (!opts.storeClient) {
          throw new RateLimiterSetupError('You need to set the option "storeClient" to an instance of class "Etcd3".');
        }
        this.client = opts.storeClient;
      }
      /**
       * Get RateLimiterRes object filled depending on storeResult, which specific for exact store.
       */
      _getRateLimiterRes(rlKey, changedPoints, result) {
        const res = new RateLimiterRes2();
        res.isFirstInDuration = changedPoints === result.points;
        res.consumedPoints = res.isFirstInDuration ? changedPoints : result.points;
        res.remainingPoints = Math.max(this.points - res.consumedPoints, 0);
        res.msBeforeNext = result.expire ? Math.max(result.expire - Date.now(), 0) : -1;
        return res;
      }
      /**
       * Resolve with object used for {@link _getRateLimiterRes} to generate {@link RateLimiterRes}.
       */
      async _upsert(rlKey, points, msDuration, forceExpire = false) {
        const expire = msDuration > 0 ? Date.now() + msDuration : null;
        let newValue = { points, expire };
        if (forceExpire) {
          await this.client.put(rlKey).value(JSON.stringify(newValue));
        } else {
          const oldValue = await this._get(rlKey);
          newValue = { points: (oldValue !== null ? oldValue.points : 0) + points, expire };
          await this.client.put(rlKey).value(JSON.stringify(newValue));
        }
        return newValue;
      }
      /**
       * Resolve with raw result from Store OR null if rlKey is not set
       * or Reject with error
       */
      async _get(rlKey) {
        return this.client.get(rlKey).string().then((result) => result !== null ? JSON.parse(result) : null);
      }
      /**
       * Resolve with true OR false if rlKey doesn't exist.
       * or Reject with error.
       */
      async _delete(rlKey) {
        return this.client.delete().key(rlKey).then((result) => result.deleted === "1");
      }
    };
    module.exports = RateLimiterEtcdNonAtomic;
  }
});

// node_modules/rate-limiter-flexible/lib/RateLimiterEtcd.js
var require_RateLimiterEtcd = __commonJS({
  "node_modules/rate-limiter-flexible/lib/RateLimiterEtcd.js"(exports, module) {
    var RateLimiterEtcdTransactionFailedError = require_RateLimiterEtcdTransactionFailedError();
    var RateLimiterEtcdNonAtomic = require_RateLimiterEtcdNonAtomic();
    var MAX_TRANSACTION_TRIES = 5;
    var RateLimiterEtcd = class extends RateLimiterEtcdNonAtomic {
      /**
       * Resolve with object used for {@link _getRateLimiterRes} to generate {@link RateLimiterRes}.
       */
      async _upsert(rlKey, points, msDuration, forceExpire = false) {
        const expire = msDuration > 0 ? Date.now() + msDuration : null;
        let newValue = { points, expire };
        let oldValue;
        if (forceExpire) {
          await this.client.put(rlKey).value(JSON.stringify(newValue));
        } else {
          const added = await this.client.if(rlKey, "Version", "===", "0").then(this.client.put(rlKey).value(JSON.stringify(newValue))).commit().then((result) => !!result.succeeded);
          if (!added) {
            let success = false;
            for (let i = 0; i < MAX_TRANSACTION_TRIES; i++) {
              oldValue = await this._get(rlKey);
              newValue = { points: oldValue.points + points, expire };
              success = await this.client.if(rlKey, "Value", "===", JSON.stringify(oldValue)).then(this.client.put(rlKey).value(JSON.stringify(newValue))).commit().then((result) => !!result.succeeded);
              if (success) {
                break;
              }
            }
            if (!success) {
              throw new RateLimiterEtcdTransactionFailedError("Could not set new value in a transaction.");
            }
          }
        }
        return newValue;
      }
    };
    module.exports = RateLimiterEtcd;
  }
});

// node_modules/rate-limiter-flexible/index.js
var require_rate_limiter_flexible = __commonJS({
  "node_modules/rate-limiter-flexible/index.js"(exports, module) {
    var RateLimiterRedis = require_RateLimiterRedis();
    var RateLimiterRedisNonAtomic = require_RateLimiterRedisNonAtomic();
    var RateLimiterMongo = require_RateLimiterMongo();
    var RateLimiterMySQL = require_RateLimiterMySQL();
    var RateLimiterPostgres = require_RateLimiterPostgres();
    var { RateLimiterClusterMaster, RateLimiterClusterMasterPM2, RateLimiterCluster } = require_RateLimiterCluster();
    var RateLimiterMemory3 = require_RateLimiterMemory();
    var RateLimiterMemcache = require_RateLimiterMemcache();
    var RLWrapperBlackAndWhite = require_RLWrapperBlackAndWhite();
    var RLWrapperTimeouts = require_RLWrapperTimeouts();
    var RateLimiterUnion = require_RateLimiterUnion();
    var RateLimiterQueue = require_RateLimiterQueue();
    var BurstyRateLimiter = require_BurstyRateLimiter();
    var RateLimiterRes2 = require_RateLimiterRes();
    var RateLimiterCompatibleAbstract = require_RateLimiterCompatibleAbstract();
    var RateLimiterDynamo = require_RateLimiterDynamo();
    var RateLimiterPrisma = require_RateLimiterPrisma();
    var RateLimiterDrizzle = require_RateLimiterDrizzle();
    var RateLimiterDrizzleNonAtomic = require_RateLimiterDrizzleNonAtomic();
    var RateLimiterValkey = require_RateLimiterValkey();
    var RateLimiterValkeyGlide = require_RateLimiterValkeyGlide();
    var RateLimiterSQLite = require_RateLimiterSQLite();
    var RateLimiterEtcd = require_RateLimiterEtcd();
    var RateLimiterEtcdNonAtomic = require_RateLimiterEtcdNonAtomic();
    var RateLimiterQueueError = require_RateLimiterQueueError();
    var RateLimiterEtcdTransactionFailedError = require_RateLimiterEtcdTransactionFailedError();
    module.exports = {
      RateLimiterRedis,
      RateLimiterRedisNonAtomic,
      RateLimiterMongo,
      RateLimiterMySQL,
      RateLimiterPostgres,
      RateLimiterMemory: RateLimiterMemory3,
      RateLimiterMemcache,
      RateLimiterClusterMaster,
      RateLimiterClusterMasterPM2,
      RateLimiterCluster,
      RLWrapperBlackAndWhite,
      RLWrapperTimeouts,
      RateLimiterUnion,
      RateLimiterQueue,
      BurstyRateLimiter,
      RateLimiterRes: RateLimiterRes2,
      RateLimiterCompatibleAbstract,
      RateLimiterDynamo,
      RateLimiterPrisma,
      RateLimiterValkey,
      RateLimiterValkeyGlide,
      RateLimiterSQLite,
      RateLimiterEtcd,
      RateLimiterDrizzle,
      RateLimiterDrizzleNonAtomic,
      RateLimiterEtcdNonAtomic,
      RateLimiterQueueError,
      RateLimiterEtcdTransactionFailedError
    };
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// bin/bench/campus-day.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var dayMs = 864e5;
var campusVisitsPerLockPerHour = 0.8;
function campusSpec() {
  const parsed = parseSiteSpec(generateCampusSpec());
  if (!parsed.ok)
    throw new Error(`the campus generator produced an invalid spec: ${parsed.errors[0]?.message ?? ""}`);
  return parsed.spec;
}
function runCampusDay(options = {}) {
  const simulatedMs = options.simulatedMs ?? dayMs;
  const twin = createTwin({ spec: campusSpec(), seed: options.seed ?? 1 });
  startBackgroundTraffic(twin, { untilMs: simulatedMs, visitsPerLockPerHour: campusVisitsPerLockPerHour });
  const startMs = performance.now();
  twin.runUntil(simulatedMs);
  const wallS = (performance.now() - startMs) / 1e3;
  return {
    wallS,
    events: twin.clock.eventsProcessed,
    traceEvents: twin.trace.events,
    simulatedMs,
    traceHash: twin.trace.fingerprint(),
    traceBytes: twin.trace.bytes
  };
}
function collectGarbage() {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  return () => {
    gc();
    gc();
  };
}
function measureCampusHeap() {
  const spec = campusSpec();
  const gc = collectGarbage();
  gc();
  const beforeBytes = process.memoryUsage().heapUsed;
  const twin = createTwin({ spec, seed: 1 });
  twin.runUntil(12e4);
  gc();
  const afterBytes = process.memoryUsage().heapUsed;
  const devices = spec.iqs.length + spec.repeaters.length + spec.locks.length + spec.doors.length + spec.phones.length;
  if (twin.lockIds().length === 0) throw new Error("campus has no locks");
  return { devices, heapBytesPerDevice: Math.round((afterBytes - beforeBytes) / devices) };
}

// bin/check-pool.ts
import { Worker } from "node:worker_threads";
var chunkRuns = 4;
var CheckPool = class {
  workers;
  constructor(jobs, task) {
    this.workers = Array.from({ length: jobs }, () => startWorker(task));
  }
  /** Resolves once every worker has loaded the twin. */
  async warm() {
    await Promise.all(this.workers.map((entry) => entry.ready));
  }
  /** Runs `indices` (ascending) over the workers; `onOutcome` is called as each run comes back. */
  async sweep(indices, onOutcome = () => void 0) {
    const sweep = { outcomes: [], tally: emptyTally() };
    let next = 0;
    let failedIndex = Number.POSITIVE_INFINITY;
    const nextChunk = () => {
      const chunk = [];
      while (chunk.length < chunkRuns && next < indices.length && indices[next] < failedIndex)
        chunk.push(indices[next++]);
      return chunk;
    };
    await Promise.all(
      this.workers.map(
        ({ worker, ready }) => new Promise((resolve, reject) => {
          const stop = (error) => {
            worker.off("message", onMessage);
            worker.off("error", stop);
            worker.off("exit", onExit);
            if (error === void 0) resolve();
            else reject(error instanceof Error ? error : new Error(String(error)));
          };
          const onExit = (code) => stop(new Error(`a check worker stopped (exit code ${code})`));
          const handOut = () => {
            const indicesOfChunk = nextChunk();
            if (indicesOfChunk.length === 0) return stop();
            const message = { kind: "runs", indices: indicesOfChunk };
            worker.postMessage(message);
          };
          const onMessage = (message) => {
            if (message.kind === "ready") return;
            if (message.kind === "chunk-done") {
              if (message.tally !== void 0) mergeTally(sweep.tally, message.tally);
              return handOut();
            }
            sweep.outcomes.push(message.outcome);
            if (message.outcome.failed) failedIndex = Math.min(failedIndex, message.outcome.runIndex);
            onOutcome();
          };
          worker.on("message", onMessage);
          worker.once("error", stop);
          worker.once("exit", onExit);
          ready.then(handOut, stop);
        })
      )
    );
    sweep.outcomes.sort((a, b) => a.runIndex - b.runIndex);
    return sweep;
  }
  /** Stops every worker. */
  async close() {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
};
function startWorker(task) {
  const worker = new Worker(new URL("./check-worker.mjs", import.meta.url), { workerData: task });
  const ready = new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.kind !== "ready") return;
      worker.off("message", onMessage);
      resolve();
    };
    worker.on("message", onMessage);
    worker.once("error", reject);
  });
  ready.catch(() => void 0);
  return { worker, ready };
}

// bin/bench/check-sweep.ts
var sweepTask = (sweepSeed) => ({
  sweepSeed,
  steps: stepsDefault,
  defects: [],
  mode: checkModeDefault,
  coverage: false
});
var runIndices = (runs, first = 0) => Array.from({ length: runs }, (_, index) => first + index);
var warmUpRuns = 10;
function resultOf(runs, startMs) {
  return { runs, runsPerS: runs / ((performance.now() - startMs) / 1e3) };
}
function measureCheckOneThread(runs, sweepSeed = 1) {
  const task = sweepTask(sweepSeed);
  for (const runIndex of runIndices(warmUpRuns, runs)) checkRun(runIndex, task);
  const startMs = performance.now();
  for (const runIndex of runIndices(runs)) {
    const outcome = checkRun(runIndex, task);
    if (outcome.failed) throw new Error(`check run ${runIndex} failed during the benchmark`);
  }
  return resultOf(runs, startMs);
}
async function measureCheckOnWorkers(runs, jobs, sweepSeed = 1) {
  const pool = new CheckPool(jobs, sweepTask(sweepSeed));
  try {
    await pool.warm();
    await pool.sweep(runIndices(warmUpRuns * jobs, runs));
    const startMs = performance.now();
    const sweep = await pool.sweep(runIndices(runs));
    const result = resultOf(runs, startMs);
    if (sweep.outcomes.length !== runs || sweep.outcomes.some((outcome) => outcome.failed))
      throw new Error("the check sweep on workers failed during the benchmark");
    return result;
  } finally {
    await pool.close();
  }
}

// bin/bench/clock-race.ts
var clockRaceOptionsDefault = { actors: 3e3, heartbeatMs: 1e3, simulatedMs: 1e4 };
function createLockMachine(heartbeatMs) {
  return setup({
    types: {
      context: {},
      input: {}
    },
    delays: { heartbeat: heartbeatMs },
    actions: {
      // The counter lives outside the actor: mutating it is the point, the context only carries the reference.
      countHeartbeat: ({ context }) => {
        context.counter.count++;
      }
    }
  }).createMachine({
    id: "lock",
    context: ({ input }) => ({ counter: input.counter }),
    initial: "waiting",
    states: {
      waiting: {
        // reenter: true makes each heartbeat cancel and re-arm the timer, as a real lock's watchdog does.
        after: { heartbeat: { target: "waiting", reenter: true, actions: "countHeartbeat" } }
      }
    }
  });
}
function lockId(index) {
  return `lock-${String(index).padStart(6, "0")}`;
}
function startLocks(machine, clock2, actors, counter) {
  return Array.from({ length: actors }, (_, index) => {
    const id = lockId(index);
    return createActor(machine, { clock: clock2, input: { counter }, id, systemId: id }).start();
  });
}
function timeRun(settings, clock2, drive) {
  const counter = { count: 0 };
  const locks = startLocks(createLockMachine(settings.heartbeatMs), clock2, settings.actors, counter);
  try {
    const startedAt = performance.now();
    drive();
    return { heartbeats: counter.count, wallMs: performance.now() - startedAt };
  } finally {
    for (const lock of locks) lock.stop();
  }
}
function raceOurs(settings) {
  const clock2 = new VirtualClock();
  return timeRun(settings, clock2, () => clock2.runUntil(settings.simulatedMs));
}
function raceXState(settings) {
  const clock2 = new SimulatedClock();
  const steps = settings.simulatedMs / settings.heartbeatMs;
  return timeRun(settings, clock2, () => {
    for (let step = 0; step < steps; step++) clock2.increment(settings.heartbeatMs);
  });
}
function checkHeartbeats(side, result, expected) {
  if (result.heartbeats !== expected) {
    throw new Error(`clock race: ${side} counted ${result.heartbeats} heartbeats, expected ${expected}`);
  }
}
function resolveSettings(options) {
  const settings = { ...clockRaceOptionsDefault, ...options };
  const { actors, heartbeatMs, simulatedMs } = settings;
  if (!Number.isInteger(actors) || actors < 1)
    throw new RangeError(`actors must be a positive integer, got ${actors}`);
  if (!(heartbeatMs > 0)) throw new RangeError(`heartbeatMs must be positive, got ${heartbeatMs}`);
  if (!Number.isInteger(simulatedMs / heartbeatMs) || simulatedMs <= 0) {
    throw new RangeError(
      `simulatedMs (${simulatedMs}) must be a positive multiple of heartbeatMs (${heartbeatMs})`
    );
  }
  return settings;
}
function runClockRace(options = {}) {
  const settings = resolveSettings(options);
  const expected = settings.actors * (settings.simulatedMs / settings.heartbeatMs);
  const ours = raceOurs(settings);
  checkHeartbeats("VirtualClock", ours, expected);
  const xstate = raceXState(settings);
  checkHeartbeats("SimulatedClock", xstate, expected);
  return {
    actors: settings.actors,
    simulatedMs: settings.simulatedMs,
    heartbeats: expected,
    oursWallMs: ours.wallMs,
    xstateWallMs: xstate.wallMs,
    speedup: xstate.wallMs / ours.wallMs
  };
}

// bin/bench/run-benchmarks.ts
var checkRunsDefault = 300;
var externalFigures = [
  { name: "rest-req-per-s", unit: "requests/s", file: "./rest-bench.ts" },
  { name: "ws-p99-ms-200-clients", unit: "ms", file: "./live-ws-bench.ts" }
];
var round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
function campusSpanName(simulatedMs) {
  if (simulatedMs === dayMs) return "campus-day";
  if (simulatedMs === 36e5) return "campus-hour";
  return `campus-${Math.round(simulatedMs / 6e4)}min`;
}
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
async function measured(figures, measure) {
  try {
    const values = await measure();
    return figures.map((figure, index) => ({ ...figure, value: values[index] ?? null }));
  } catch (error) {
    return figures.map((figure) => ({ ...figure, value: null, error: errorText(error) }));
  }
}
async function externalFigure(file) {
  let module;
  try {
    module = await import(new URL(file, new URL("../bin/bench/run-benchmarks.ts", import.meta.url).href).href);
  } catch (error) {
    throw new Error(`${file} could not be loaded: ${errorText(error)}`);
  }
  const functions = Object.values(module).filter((value2) => typeof value2 === "function");
  const [measure] = functions;
  if (functions.length !== 1 || measure === void 0)
    throw new Error(`${file} must export exactly one function (it exports ${functions.length})`);
  const value = await measure();
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${file} returned ${String(value)}, not a number`);
  return value;
}
async function runBenchmarks(options = {}) {
  const progress = options.progress ?? (() => void 0);
  const simulatedMs = options.campusSimulatedMs ?? dayMs;
  const campus = campusSpanName(simulatedMs);
  const checkRuns = options.checkRuns ?? checkRunsDefault;
  const benchmarks = [];
  progress("heap per device: building the campus\u2026");
  benchmarks.push(
    ...await measured([{ name: "heap-bytes-per-device", unit: "bytes" }], () => [
      measureCampusHeap().heapBytesPerDevice
    ])
  );
  progress(`${campus}: simulating ${Math.round(simulatedMs / 6e4)} min of the campus\u2026`);
  benchmarks.push(
    ...await measured(
      [
        { name: `${campus}-wall-s`, unit: "s" },
        { name: "events-per-s", unit: "events/s" },
        { name: "speedup-vs-realtime", unit: "x" },
        { name: "trace-bytes-per-event", unit: "bytes" }
      ],
      () => {
        const day = runCampusDay({ simulatedMs });
        return [
          round(day.wallS, 2),
          Math.round(day.events / day.wallS),
          Math.round(day.simulatedMs / 1e3 / day.wallS),
          round(day.traceBytes / day.traceEvents, 1)
        ];
      }
    )
  );
  progress(`check sweep: ${checkRuns} runs on one thread\u2026`);
  const one = await measured([{ name: "check-runs-per-s", unit: "runs/s" }], () => [
    round(measureCheckOneThread(checkRuns).runsPerS, 1)
  ]);
  progress(`check sweep: the same ${checkRuns} runs on two warm workers\u2026`);
  const two = await measured([{ name: "check-runs-per-s-jobs2", unit: "runs/s" }], async () => [
    round((await measureCheckOnWorkers(checkRuns, 2)).runsPerS, 1)
  ]);
  const oneValue = one[0]?.value ?? null;
  const twoValue = two[0]?.value ?? null;
  benchmarks.push(...one, ...two, {
    name: "check-jobs2-speedup",
    value: oneValue === null || twoValue === null ? null : round(twoValue / oneValue, 2),
    unit: "x"
  });
  progress("clock race: our clock against XState\u2019s SimulatedClock\u2026");
  benchmarks.push(
    ...await measured([{ name: "speedup-vs-xstate-simulated-clock", unit: "x" }], () => [
      round(
        runClockRace(options.clockRaceActors === void 0 ? {} : { actors: options.clockRaceActors }).speedup,
        1
      )
    ])
  );
  for (const figure of externalFigures) {
    progress(`${figure.name}: ${figure.file}\u2026`);
    const { name, unit } = figure;
    benchmarks.push(...await measured([{ name, unit }], async () => [await externalFigure(figure.file)]));
  }
  return benchmarks;
}

// bin/exit-codes.ts
var exitCodes = { passed: 0, failed: 1, badInput: 2 };
var BadInputError = class extends Error {
  name = "BadInputError";
};

// bin/resolve-target.ts
import { existsSync } from "node:fs";
function fromSiteJson(json2) {
  const parsed = parseSiteSpec(json2);
  return parsed.ok ? { ok: true, value: siteScenario(parsed.spec) } : { ok: false, errors: parsed.errors };
}
function resolveTarget(target) {
  if (existsSync(target) || target.endsWith(".json")) {
    const json2 = readJsonFile(target);
    if (!json2.ok) return json2;
    return looksLikeScenario(json2.value) ? parseScenario(json2.value) : fromSiteJson(json2.value);
  }
  const named = loadNamedScenario(target);
  if (named !== void 0) return named;
  const site = loadNamedSite(target);
  if (site !== void 0) return fromSiteJson(site);
  const known = `scenarios: ${scenarioNames().join(", ")}; sites: ${siteNames().join(", ")}`;
  const error = {
    path: "(target)",
    message: `no scenario, site or file named "${target}" (${known})`
  };
  return { ok: false, errors: [error] };
}

// bin/trace-file.ts
import { closeSync, openSync, writeSync } from "node:fs";
var chunkChars = 256 * 1024;
var TraceFileWriter = class {
  /** Throws `BadInputError` when the file cannot be opened for writing (a missing folder, no permission). */
  constructor(path) {
    this.path = path;
    try {
      this.fd = openSync(path, "w");
    } catch (error) {
      throw new BadInputError(
        `--trace: cannot write ${path}: ${error.code ?? String(error)}`
      );
    }
  }
  path;
  fd;
  pending = "";
  write(line) {
    this.pending += line + "\n";
    if (this.pending.length >= chunkChars) this.flush();
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
  flush() {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending);
    this.pending = "";
  }
};

// bin/commands.ts
function print(text2) {
  process.stdout.write(text2 + "\n");
}
function formatErrors(errors) {
  return errors.map((error) => `${error.path}: ${error.message}`).join("\n  ");
}
function required(result) {
  if (!result.ok) throw new BadInputError(formatErrors(result.errors));
  return result.value;
}
function durationOption(text2, name) {
  if (text2 === void 0) return void 0;
  const read = readDurationMs(text2);
  if (!read.ok) throw new BadInputError(`--${name}: ${read.message}`);
  return read.durationMs;
}
function scenarioList() {
  return scenarioNames().map((name) => {
    const loaded = loadNamedScenario(name);
    return {
      name,
      description: loaded?.ok === true ? loaded.value.description : `(invalid: ${loaded?.ok === false ? formatErrors(loaded.errors) : "missing"})`
    };
  });
}
function siteList() {
  return siteNames().map((name) => ({ name, description: describeSite(name) }));
}
function describeScenarioList() {
  return `Scenarios: ${scenarioNames().join(", ")}
Sites: ${siteNames().join(", ")}`;
}
function listCommand(options) {
  const scenarios = scenarioList();
  const sites = siteList();
  if (options.json === true) {
    print(JSON.stringify({ scenarios, sites }));
    return;
  }
  const width = Math.max(...[...scenarios, ...sites].map((item) => item.name.length));
  print("Scenarios (lockstep run <name>):");
  for (const item of scenarios) print(`  ${item.name.padEnd(width)}  ${item.description}`);
  print("Sites (lockstep run <name>: the site with seeded people coming and going):");
  for (const item of sites) print(`  ${item.name.padEnd(width)}  ${item.description}`);
}
function prepare(scenario, options) {
  try {
    return prepareRun(scenario, options);
  } catch (error) {
    if (error instanceof TopologyLimitError) throw new BadInputError(error.message);
    throw error;
  }
}
function overrides(options) {
  const untilMs = durationOption(options.until, "until");
  return {
    ...options.seed === void 0 ? {} : { seed: options.seed },
    ...untilMs === void 0 ? {} : { untilMs }
  };
}
function runCommand(target, options) {
  if (options.all === true) {
    if (target !== void 0)
      throw new BadInputError(`--all runs every library scenario: give no target (got "${target}")`);
    if (options.trace !== void 0 || options.narrate === true)
      throw new BadInputError("--all does not take --trace or --narrate: run one scenario for those");
    runAllCommand(options);
    return;
  }
  if (target === void 0)
    throw new BadInputError(
      "run needs a target (a scenario name, a site name, or a .json file), or --all for every library scenario"
    );
  const scenario = required(resolveTarget(target));
  const base = overrides(options);
  const writer = options.trace === void 0 ? void 0 : new TraceFileWriter(options.trace);
  const narrator = options.narrate === true && options.json !== true ? new Narrator(print) : void 0;
  const runOptions = {
    ...base,
    trace: {
      ...writer === void 0 ? {} : { onLine: (line) => writer.write(line) },
      ...narrator === void 0 ? {} : { onEvent: narrator.record.bind(narrator) }
    },
    ...narrator === void 0 ? {} : { onTwin: narrator.attach.bind(narrator) }
  };
  let result;
  try {
    result = runPrepared(prepare(scenario, runOptions));
  } finally {
    writer?.close();
  }
  if (options.json === true) print(JSON.stringify(result));
  else {
    print(
      `${result.scenario} (seed ${result.seed}): ${result.passed ? "PASSED" : "FAILED"}, ${result.events} events over ${formatDurationMs(result.simulatedMs)} of virtual time`
    );
    print(`trace ${result.traceHash}${writer === void 0 ? "" : ` (written to ${writer.path})`}`);
    for (const failure of result.failures) print(`  failure: ${failure}`);
  }
  process.exitCode = result.passed ? exitCodes.passed : exitCodes.failed;
}
var traceHashPrefixLength = 12;
function runAllCommand(options) {
  const runOptions = overrides(options);
  const scenarios = scenarioNames().map((name) => {
    const loaded = loadNamedScenario(name);
    if (loaded === void 0) throw new BadInputError(`library scenario ${name} disappeared while loading`);
    if (!loaded.ok) throw new BadInputError(`library scenario ${name}: ${formatErrors(loaded.errors)}`);
    return loaded.value;
  });
  const results = [];
  for (const scenario of scenarios) {
    let run;
    try {
      run = prepare(scenario, runOptions);
    } catch (error) {
      if (error instanceof BadInputError)
        throw new BadInputError(`library scenario ${scenario.name}: ${error.message}`);
      throw error;
    }
    results.push(runPrepared(run));
  }
  const passed = results.every((result) => result.passed);
  if (options.json === true) print(JSON.stringify({ passed, scenarios: results }));
  else printAllResults(results);
  process.exitCode = passed ? exitCodes.passed : exitCodes.failed;
}
function printAllResults(results) {
  const width = Math.max(0, ...results.map((result) => result.scenario.length));
  const eventsWidth = Math.max(0, ...results.map((result) => String(result.events).length));
  for (const result of results) {
    const verdict = result.passed ? "PASSED" : "FAILED";
    print(
      `${result.scenario.padEnd(width)}  ${verdict}  ${String(result.events).padStart(eventsWidth)} events  trace ${result.traceHash.slice(0, traceHashPrefixLength)}`
    );
  }
  const failed = results.filter((result) => !result.passed);
  for (const result of failed) {
    print(`${result.scenario} (seed ${result.seed}) failed:`);
    for (const failure of result.failures) print(`  failure: ${failure}`);
  }
  const summary = `${results.length - failed.length} of ${results.length} scenarios passed`;
  print(
    failed.length === 0 ? summary : `${summary}; failed: ${failed.map((result) => result.scenario).join(", ")}`
  );
}
async function demoCommand(options) {
  const scenario = required(resolveTarget(options.site));
  const untilMs = durationOption(options.until, "until");
  const speed = options.speed ?? (process.stdout.isTTY === true ? 120 : Number.POSITIVE_INFINITY);
  if (!(speed > 0)) throw new BadInputError("--speed must be a positive number");
  const narrator = new Narrator(print);
  const run = prepare(scenario, {
    ...options.seed === void 0 ? {} : { seed: options.seed },
    untilMs,
    trace: { onEvent: narrator.record.bind(narrator) },
    onTwin: narrator.attach.bind(narrator)
  });
  print(
    `lockstep demo: ${scenario.name} (seed ${run.seed}), ${formatDurationMs(untilMs)} of virtual time${Number.isFinite(speed) ? ` at ${speed}x` : ""}; Ctrl-C stops`
  );
  let stopped = false;
  process.once("SIGINT", () => {
    stopped = true;
  });
  const tickMs = 100;
  while (!stopped && run.twin.clock.now() < untilMs) {
    const nextMs = Number.isFinite(speed) ? Math.min(untilMs, run.twin.clock.now() + Math.round(speed * tickMs)) : untilMs;
    run.twin.runUntil(nextMs);
    if (Number.isFinite(speed)) await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  const result = summarizeRun(run, []);
  print(
    `${stopped ? "stopped" : "done"} at ${formatDurationMs(result.simulatedMs)} of virtual time: ${result.events} events, trace ${result.traceHash}`
  );
}
async function benchCommand(options) {
  const progress = (message) => void process.stderr.write(`bench: ${message}
`);
  const benchmarks = await runBenchmarks({
    progress,
    ...options.quick === true ? { campusSimulatedMs: 36e5, clockRaceActors: 1e3, checkRuns: 40 } : {}
  });
  if (options.json === true) {
    print(JSON.stringify({ benchmarks }));
    return;
  }
  for (const benchmark of benchmarks)
    print(
      `${benchmark.name.padEnd(36)} ${String(benchmark.value ?? "error").padStart(12)} ${benchmark.unit}${benchmark.error === void 0 ? "" : `  (${benchmark.error})`}`
    );
}

// bin/check-command.ts
var import_cli_progress = __toESM(require_cli_progress(), 1);
import { availableParallelism } from "node:os";
var runsMax = 1e6;
var jobsMax = 64;
function wholeNumber(text2, name, fallback, min, max) {
  if (text2 === void 0) return fallback;
  if (!/^-?\d+$/.test(text2)) throw new BadInputError(`--${name} must be a whole number, got "${text2}"`);
  const value = Number(text2);
  if (value < min || value > max)
    throw new BadInputError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
function modeOf(text2) {
  if (text2 === void 0) return checkModeDefault;
  const mode = checkModes.find((known) => known === text2);
  if (mode === void 0)
    throw new BadInputError(`--mode must be one of ${checkModes.join(", ")}, got "${text2}"`);
  return mode;
}
function coveragePlanOf(flags) {
  const text2 = flags.transitionCoverageMin;
  let transitionCoverageMinPercent = transitionCoverageMinPercentDefault;
  if (text2 !== void 0) {
    const value = Number(text2);
    if (!/^\d+(\.\d+)?$/.test(text2) || value > 100)
      throw new BadInputError(`--transition-coverage-min must be a percent from 0 to 100, got "${text2}"`);
    transitionCoverageMinPercent = value;
  }
  const required2 = flags.requireCoverage === true;
  if (!required2 && flags.coverage !== true) {
    if (text2 !== void 0)
      throw new BadInputError("--transition-coverage-min needs --coverage or --require-coverage");
    return void 0;
  }
  if (flags.determinism === true)
    throw new BadInputError("--coverage counts a sweep; the determinism self-check (--determinism) has none");
  return { required: required2, transitionCoverageMinPercent };
}
function planOf(flags) {
  const runs = wholeNumber(flags.runs, "runs", 100, 1, runsMax);
  const shardText = flags.shard ?? "1/1";
  const shardMatch = /^(\d+)\/(\d+)$/.exec(shardText);
  const shard = shardMatch === null ? void 0 : { index: Number(shardMatch[1]), count: Number(shardMatch[2]) };
  if (shard === void 0 || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw new BadInputError(`--shard must be i/n with 1 \u2264 i \u2264 n, got "${shardText}"`);
  const defects = flags.defect ?? [];
  for (const defect of defects)
    if (!isDefectName(defect))
      throw new BadInputError(`unknown defect "${defect}" (known: ${defectNames.join(", ")})`);
  return {
    runs,
    sweepSeed: wholeNumber(flags.seed, "seed", 1, -(2 ** 31), 2 ** 31 - 1),
    steps: wholeNumber(flags.steps, "steps", stepsDefault, 1, stepsMax),
    jobs: wholeNumber(flags.jobs, "jobs", 1, 1, Math.min(jobsMax, Math.max(1, availableParallelism() * 4))),
    indices: shardRuns(runs, shard),
    defects,
    out: flags.out ?? failuresDirDefault,
    json: flags.json === true,
    mode: modeOfPlan(flags),
    coverage: coveragePlanOf(flags)
  };
}
function modeOfPlan(flags) {
  const mode = modeOf(flags.mode);
  if (flags.determinism === true && mode !== "both")
    throw new BadInputError(`--determinism runs each case in mode both; --mode ${mode} does not apply`);
  return mode;
}
function print2(text2) {
  process.stdout.write(text2 + "\n");
}
function progressBar(plan, label) {
  if (plan.json || process.stderr.isTTY !== true) return { tick: () => void 0, stop: () => void 0 };
  const bar = new import_cli_progress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} runs | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true
    },
    void 0
  );
  bar.start(plan.indices.length, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
function runOptionsOf(plan) {
  return {
    sweepSeed: plan.sweepSeed,
    steps: plan.steps,
    defects: plan.defects,
    mode: plan.mode,
    coverage: plan.coverage !== void 0
  };
}
function withoutCoverage({ coverage: _coverage, ...outcome }) {
  return outcome;
}
function sweepHere(plan, tick) {
  const sweep = { outcomes: [], tally: emptyTally() };
  for (const runIndex of plan.indices) {
    const outcome = checkRun(runIndex, runOptionsOf(plan));
    if (outcome.coverage !== void 0) countRun(sweep.tally, outcome.coverage);
    sweep.outcomes.push(withoutCoverage(outcome));
    tick();
    if (outcome.failed) break;
  }
  return sweep;
}
async function sweepOnWorkers(plan, tick) {
  const pool = new CheckPool(Math.min(plan.jobs, plan.indices.length), runOptionsOf(plan));
  try {
    return await pool.sweep(plan.indices, tick);
  } finally {
    await pool.close();
  }
}
function coverageSummary(plan, tally) {
  if (plan.coverage === void 0) return void 0;
  const report = coverageReport(tally);
  const verdict = coverageVerdict(report, plan.coverage);
  return {
    report,
    verdict: plan.coverage.required ? verdict : void 0,
    json: {
      ...report,
      required: plan.coverage.required,
      transitionCoverageMin: plan.coverage.transitionCoverageMinPercent,
      met: verdict.met,
      unmet: verdict.met ? [] : verdict.unmet
    }
  };
}
function reportFailure(plan, failure, tally) {
  const testCase = failure.counterexample;
  if (testCase === void 0 || failure.violation === void 0)
    throw new Error(`run ${failure.runIndex} failed without a counterexample`);
  const rerun = runCase(testCase, { mode: plan.mode });
  const property = propertyNameOf(plan.mode);
  const file = failureFileOf({
    property,
    testCase,
    violation: failure.violation,
    sweepSeed: plan.sweepSeed,
    runIndex: failure.runIndex,
    fcSeed: failure.fcSeed,
    fcPath: failure.fcPath,
    traceHash: rerun.traceHash,
    lines: rerun.lines
  });
  const artifact = writeFailureFile(plan.out, file);
  const replay = `npx lockstep replay ${artifact}`;
  const coverage = coverageSummary(plan, tally);
  if (plan.json) {
    print2(
      JSON.stringify({
        property,
        mode: plan.mode,
        runs: plan.indices.length,
        failed: true,
        seed: plan.sweepSeed,
        artifact,
        shrunkSteps: testCase.steps.length,
        replay,
        invariant: failure.violation.invariant,
        message: failure.violation.message,
        ...coverage === void 0 ? {} : { coverage: coverage.json }
      })
    );
  } else {
    print2(
      `FAILED ${failure.violation.invariant} in run ${failure.runIndex} (seed ${plan.sweepSeed}, mode ${plan.mode}), shrunk to ${testCase.steps.length} step(s) in ${failure.shrinks ?? 0} shrinks:`
    );
    print2(`  ${failure.violation.message}`);
    print2(`failure file: ${artifact}`);
    print2(`replay: ${replay}`);
    if (coverage !== void 0) for (const line of describeCoverage(coverage.report, void 0)) print2(line);
  }
  process.exitCode = exitCodes.failed;
}
function reportPass(plan, tally) {
  const property = propertyNameOf(plan.mode);
  const coverage = coverageSummary(plan, tally);
  const unmet = coverage?.verdict?.met === false;
  if (plan.json)
    print2(
      JSON.stringify({
        property,
        mode: plan.mode,
        runs: plan.indices.length,
        failed: unmet,
        seed: plan.sweepSeed,
        artifact: null,
        shrunkSteps: null,
        replay: null,
        ...coverage === void 0 ? {} : { coverage: coverage.json }
      })
    );
  else {
    print2(
      `${unmet ? "invariants held" : "passed"}: ${plan.indices.length} runs of ${property} (seed ${plan.sweepSeed}, mode ${plan.mode}, up to ${plan.steps} steps${plan.defects.length === 0 ? "" : `, defects ${plan.defects.join(", ")}`})`
    );
    if (coverage !== void 0)
      for (const line of describeCoverage(coverage.report, coverage.verdict)) print2(line);
  }
  if (unmet) process.exitCode = exitCodes.failed;
}
function listDefects(json2) {
  const defects = defectNames.map((name) => ({ name, description: defectCatalog[name] }));
  if (json2) print2(JSON.stringify({ defects }));
  else for (const defect of defects) print2(`${defect.name.padEnd(28)} ${defect.description}`);
}
function determinismCheck(plan) {
  const bar = progressBar(plan, "determinism");
  for (const runIndex of plan.indices) {
    const comparison = compareRuns(
      caseOfRun(runIndex, { sweepSeed: plan.sweepSeed, steps: plan.steps, defects: plan.defects })
    );
    bar.tick();
    if (comparison.identical) continue;
    bar.stop();
    const divergence = comparison.firstDivergence;
    if (plan.json)
      print2(
        JSON.stringify({
          property: "determinism",
          runs: plan.indices.length,
          failed: true,
          seed: plan.sweepSeed,
          runIndex,
          firstDivergence: divergence ?? null
        })
      );
    else
      print2(
        `NOT DETERMINISTIC: run ${runIndex} parts at event ${divergence?.index ?? "?"}:
  first:  ${divergence?.left ?? "(end)"}
  second: ${divergence?.right ?? "(end)"}`
      );
    process.exitCode = exitCodes.failed;
    return;
  }
  bar.stop();
  if (plan.json)
    print2(
      JSON.stringify({
        property: "determinism",
        runs: plan.indices.length,
        failed: false,
        seed: plan.sweepSeed,
        firstDivergence: null
      })
    );
  else print2(`deterministic: ${plan.indices.length} runs, each run twice, identical traces`);
}
async function checkCommand(flags) {
  if (flags.listDefects === true) return listDefects(flags.json === true);
  const plan = planOf(flags);
  if (flags.determinism === true) return determinismCheck(plan);
  const bar = progressBar(plan, "check");
  const sweep = plan.jobs === 1 ? sweepHere(plan, bar.tick) : await sweepOnWorkers(plan, bar.tick);
  bar.stop();
  const failure = sweep.outcomes.find((outcome) => outcome.failed);
  if (failure !== void 0) return reportFailure(plan, failure, sweep.tally);
  reportPass(plan, sweep.tally);
}

// bin/replay-command.ts
var storyLinesMax = 200;
function replayCommand(path, options) {
  const json2 = readJsonFile(path);
  if (!json2.ok) throw new BadInputError(formatErrors2(path, json2.errors));
  if (!hasFormat(json2.value) && looksLikeScenario(json2.value)) {
    replayScenarioFile(path, json2.value, options);
    return;
  }
  const parsed = failureFileSchema.safeParse(json2.value, { error: issueMessage, reportInput: true });
  if (!parsed.success)
    throw new BadInputError(
      `${path} is not a failure file:
${formatErrors2(path, specErrorsFromIssues(parsed.error.issues))}`
    );
  const problems = failureFileProblems(parsed.data);
  if (problems.length > 0)
    throw new BadInputError(`${path} is not a valid failure file:
${formatErrors2(path, problems)}`);
  const result = replayFailure(parsed.data);
  if (options.json === true) {
    const { story: _story, ...summary } = result;
    process.stdout.write(JSON.stringify(summary) + "\n");
  } else {
    for (const line of result.story) process.stdout.write(line + "\n");
    process.stdout.write(
      `
${result.reproduced ? "REPRODUCED" : "NOT REPRODUCED"}: trace ${result.traceHash}${result.traceHash === result.expectedHash ? " (as recorded)" : ` (recorded ${result.expectedHash})`}
`
    );
    if (result.firstDivergence !== null)
      process.stdout.write(
        `first divergence at event ${result.firstDivergence.index}:
  recorded: ${result.firstDivergence.left ?? "(end)"}
  now:      ${result.firstDivergence.right ?? "(end)"}
`
      );
  }
  process.exitCode = result.failed ? exitCodes.failed : exitCodes.passed;
}
function formatErrors2(path, errors) {
  return errors.map((error) => `  ${error.path === "(file)" ? path : error.path}: ${error.message}`).join("\n");
}
function failureFileProblems(file) {
  const site = parseSiteSpec(file.site);
  if (!site.ok) return site.errors.map((error) => ({ path: `site.${error.path}`, message: error.message }));
  const problems = [];
  let atMs = 0;
  file.steps.forEach((step, index) => {
    atMs += step.gapMs;
    if (atMs > runMsMax)
      problems.push({
        path: `steps[${index}].gapMs`,
        message: `the steps last longer than the longest run, ${runMsMax} ms`
      });
    const input = twinInputSchema.safeParse(step.input, { error: issueMessage, reportInput: true });
    if (!input.success) {
      const errors = specErrorsFromIssues(input.error.issues, ["steps", index, "input"]);
      problems.push(...errors);
      return;
    }
    for (const error of checkDeviceReferences(input.data, site.spec))
      problems.push({ path: `steps[${index}].input.${error.path}`, message: error.message });
  });
  file.inputs.forEach((timed, index) => {
    if (timed.atMs > runMsMax)
      problems.push({
        path: `inputs[${index}].atMs`,
        message: `is later than the longest run, ${runMsMax} ms`
      });
  });
  return problems;
}
function hasFormat(json2) {
  return typeof json2 === "object" && json2 !== null && "format" in json2;
}
function replayScenarioFile(path, json2, options) {
  const parsed = parseScenario(json2);
  if (!parsed.ok)
    throw new BadInputError(`${path} is not a valid scenario:
${formatErrors2(path, parsed.errors)}`);
  const scenario = parsed.value;
  const expectedHash = scenario.expectedHash;
  if (expectedHash === void 0) {
    throw new BadInputError(
      `${path} is a scenario without "expectedHash": nothing to reproduce (run it with \`lockstep run ${path}\`, or export a live session, which records its fingerprint)`
    );
  }
  const story = [];
  const narrator = new Narrator((line) => {
    story.push(line);
    if (story.length > storyLinesMax) story.shift();
  });
  const result = runScenario(scenario, {
    trace: { onEvent: (traced) => narrator.record(traced) },
    onTwin: (twin) => narrator.attach(twin)
  });
  const reproduced = result.traceHash === expectedHash;
  const summary = {
    reproduced,
    traceHash: result.traceHash,
    expectedHash,
    firstDivergence: null,
    failed: !result.passed,
    failures: result.failures,
    note: reproduced ? "same fingerprint as recorded, so the same trace event for event" : "the fingerprints differ; a scenario file records only the fingerprint, not the trace, so the first divergent event cannot be named: write both traces with `lockstep run FILE --trace OUT` (here and where the file came from) and compare them"
  };
  if (options.json === true) {
    process.stdout.write(JSON.stringify(summary) + "\n");
  } else {
    for (const line of story) process.stdout.write(line + "\n");
    process.stdout.write(
      `
${reproduced ? "REPRODUCED" : "NOT REPRODUCED"}: trace ${result.traceHash}${reproduced ? " (as recorded)" : ` (recorded ${expectedHash})`}
`
    );
    if (!reproduced) process.stdout.write(`${summary.note}
`);
    for (const failure of result.failures) process.stdout.write(`failed: ${failure}
`);
  }
  process.exitCode = reproduced ? exitCodes.passed : exitCodes.failed;
}

// api/server.ts
import { createServer as createHttpServer } from "node:http";

// node_modules/@hono/node-server/dist/constants-BLSFu_RU.mjs
var X_ALREADY_SENT = "x-hono-already-sent";

// node_modules/@hono/node-server/dist/index.mjs
import { STATUS_CODES, ServerResponse, createServer } from "node:http";
import { Http2ServerRequest, constants } from "node:http2";
import { Readable } from "node:stream";

// node_modules/hono/dist/helper/websocket/index.js
var defineWebSocketHelper = (handler) => {
  return ((...args) => {
    if (typeof args[0] === "function") {
      const [createEvents, options] = args;
      return async function upgradeWebSocket2(c, next) {
        const result = await handler(c, await createEvents(c), options);
        if (result) return result;
        await next();
      };
    } else {
      const [c, events, options] = args;
      return (async () => {
        const upgraded = await handler(c, events, options);
        if (!upgraded) throw new Error("Failed to upgrade WebSocket");
        return upgraded;
      })();
    }
  });
};

// node_modules/@hono/node-server/dist/index.mjs
var RequestError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "RequestError";
  }
};
var nonJoinedHeaders = /* @__PURE__ */ new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent"
]);
var validHeaderName = /^[!#$%&'*+\-.^_`|~\dA-Za-z]+$/;
var isHttpWhitespace = (code) => code === 9 || code === 10 || code === 13 || code === 32;
var normalizeHeaderValue = (value) => {
  if (!isHttpWhitespace(value.charCodeAt(0)) && !isHttpWhitespace(value.charCodeAt(value.length - 1))) return value;
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
};
var forbiddenHeaderValue = /[\0\r\n]/;
var GlobalHeaders = globalThis.Headers;
var materializeHeaders = (rawHeaders, HeadersCtor = GlobalHeaders) => {
  const headers = new HeadersCtor();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (!name.startsWith(":")) headers.append(name, rawHeaders[i + 1]);
  }
  return headers;
};
var RequestHeaders = class {
  #incoming;
  #rawHeaders;
  #headers;
  #invalidValue;
  constructor(incoming) {
    this.#incoming = incoming;
    if (incoming instanceof Http2ServerRequest) this.#rawHeaders = incoming.rawHeaders.slice();
  }
  get #lazyRawHeaders() {
    return this.#rawHeaders ??= this.#incoming.rawHeaders.slice();
  }
  get #native() {
    if (!this.#headers) {
      this.#headers = materializeHeaders(this.#lazyRawHeaders);
      this.#rawHeaders = void 0;
    }
    return this.#headers;
  }
  #normalizedName(name) {
    if (typeof name !== "string") return;
    if (!validHeaderName.test(name)) throw new TypeError(`Invalid header name: ${name}`);
    return name.toLowerCase();
  }
  #lookupHttp1(lowerName) {
    const headers = this.#incoming instanceof Http2ServerRequest ? void 0 : this.#incoming.headers;
    if (!headers || nonJoinedHeaders.has(lowerName) || lowerName === "set-cookie" || lowerName === "__proto__") return;
    if (!Object.hasOwn(headers, lowerName)) return null;
    const rawValue = headers[lowerName];
    if (typeof rawValue === "string") {
      const value = normalizeHeaderValue(rawValue);
      return forbiddenHeaderValue.test(value) ? void 0 : value;
    }
  }
  #lookup(rawHeaders, lowerName) {
    const separator = lowerName === "cookie" ? "; " : ", ";
    let value = null;
    for (let i = 0; i < rawHeaders.length; i += 2) {
      const rawName = rawHeaders[i];
      if (rawName.length === lowerName.length && rawName.toLowerCase() === lowerName) {
        const rawValue = normalizeHeaderValue(rawHeaders[i + 1]);
        if (forbiddenHeaderValue.test(rawValue)) {
          this.#invalidValue = true;
          return;
        }
        value = value === null ? rawValue : value + separator + rawValue;
      }
    }
    return value;
  }
  append(name, value) {
    this.#native.append(name, value);
  }
  delete(name) {
    this.#native.delete(name);
  }
  get(name) {
    const lowerName = this.#normalizedName(name);
    if (lowerName && !this.#headers && !this.#invalidValue) {
      const http1Value = this.#lookupHttp1(lowerName);
      if (http1Value !== void 0) return http1Value;
      const value = this.#lookup(this.#lazyRawHeaders, lowerName);
      if (value !== void 0) return value;
    }
    return this.#native.get(name);
  }
  has(name) {
    const lowerName = this.#normalizedName(name);
    if (lowerName && !this.#headers && !this.#invalidValue) {
      const http1Value = this.#lookupHttp1(lowerName);
      if (http1Value !== void 0) return http1Value !== null;
      const value = this.#lookup(this.#lazyRawHeaders, lowerName);
      if (value !== void 0) return value !== null;
    }
    return this.#native.has(name);
  }
  set(name, value) {
    this.#native.set(name, value);
  }
  getSetCookie() {
    return this.#native.getSetCookie();
  }
  keys() {
    return this.#native.keys();
  }
  values() {
    return this.#native.values();
  }
  entries() {
    return this.#native.entries();
  }
  forEach(callback, thisArg) {
    this.#native.forEach((value, key) => {
      callback.call(thisArg, value, key, this);
    });
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
Object.defineProperty(RequestHeaders.prototype, /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom"), { value: function(depth, options, inspectFn) {
  return `Headers (lightweight) ${inspectFn(Object.fromEntries(this), {
    ...options,
    depth: depth == null ? null : depth - 1
  })}`;
} });
Object.setPrototypeOf(RequestHeaders.prototype, GlobalHeaders.prototype);
var newHeadersFromIncoming = (incoming) => globalThis.Headers === GlobalHeaders ? new RequestHeaders(incoming) : materializeHeaders(incoming.rawHeaders, globalThis.Headers);
var reValidRequestUrl = /^\/[!#$&-;=?-\[\]_a-z~]*$/;
var reDotSegment = /\/\.\.?(?:[/?#]|$)/;
var reValidHost = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
var validateRequestTarget = (target) => {
  const backslash = target.indexOf("\\");
  if (backslash !== -1) {
    const query = target.indexOf("?");
    if (query === -1 || backslash < query) throw new RequestError("Backslash in request path");
  }
};
var buildUrl = (scheme, host, incomingUrl) => {
  const url = `${scheme}://${host}${incomingUrl}`;
  if (!reValidHost.test(host)) {
    validateRequestTarget(incomingUrl);
    const urlObj = new URL(url);
    if (urlObj.hostname.length !== host.length && urlObj.hostname !== (host.includes(":") ? host.replace(/:\d+$/, "") : host).toLowerCase()) throw new RequestError("Invalid host header");
    return urlObj.href;
  } else if (incomingUrl.length === 0) return url + "/";
  else {
    if (incomingUrl.charCodeAt(0) !== 47) throw new RequestError("Invalid URL");
    if (!reValidRequestUrl.test(incomingUrl) || reDotSegment.test(incomingUrl)) {
      validateRequestTarget(incomingUrl);
      return new URL(url).href;
    }
    return url;
  }
};
var toRequestError = (e) => {
  if (e instanceof RequestError) return e;
  return new RequestError(e.message, { cause: e });
};
var GlobalRequest = global.Request;
var Request$1 = class Request$12 extends GlobalRequest {
  static [Symbol.hasInstance](instance) {
    if (this === Request$12) return instance instanceof GlobalRequest || Function.prototype[Symbol.hasInstance].call(this, instance);
    return Function.prototype[Symbol.hasInstance].call(this, instance);
  }
  constructor(input, options) {
    if (typeof input === "object" && getRequestCache in input) {
      const hasReplacementBody = options !== void 0 && "body" in options && options.body != null;
      if (input[bodyConsumedDirectlyKey] && !hasReplacementBody) throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
      input = input[getRequestCache]();
    }
    if (typeof options?.body?.getReader !== "undefined") options.duplex ??= "half";
    super(input, options);
  }
};
var wrapBodyStream = /* @__PURE__ */ Symbol("wrapBodyStream");
var byteExactEncodings = /* @__PURE__ */ new Set([
  "latin1",
  "binary",
  "hex",
  "base64",
  "base64url"
]);
var isByteExactEncoding = (encoding) => encoding === null || byteExactEncodings.has(encoding);
var bodyBufferedBeforeDisconnectKey = /* @__PURE__ */ Symbol("bodyBufferedBeforeDisconnect");
var bodyBufferedLengthBeforeDisconnectKey = /* @__PURE__ */ Symbol("bodyBufferedLengthBeforeDisconnect");
var toBufferChunk = (chunk, encoding) => Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? "utf8");
var isRecoverableDisconnectedIncoming = (incoming) => !(incoming instanceof Http2ServerRequest) && !!incoming.complete && !!incoming.readableAborted && typeof incoming.read === "function" && isByteExactEncoding(incoming.readableEncoding);
var recordBodyBufferedBeforeDisconnect = (incoming) => {
  if (incoming.readableDidRead || !isRecoverableDisconnectedIncoming(incoming)) return;
  const incomingWithRecovery = incoming;
  incomingWithRecovery[bodyBufferedLengthBeforeDisconnectKey] ??= incoming.readableLength;
};
var readBodyBufferedBeforeDisconnect = (incoming, chunks) => {
  if (incoming.readableDidRead && !chunks || !isRecoverableDisconnectedIncoming(incoming)) return;
  const incomingWithRecovery = incoming;
  if (incomingWithRecovery[bodyBufferedBeforeDisconnectKey] !== void 0) return incomingWithRecovery[bodyBufferedBeforeDisconnectKey];
  let result;
  const errored = incoming.errored;
  if (errored && errored.code !== "ECONNRESET") result = errored;
  else if (incomingWithRecovery[bodyBufferedLengthBeforeDisconnectKey] !== void 0 && incoming.readableLength !== incomingWithRecovery[bodyBufferedLengthBeforeDisconnectKey]) result = newBodyUnusableError();
  else {
    const bodyChunks = chunks ?? [];
    let chunk;
    while ((chunk = incoming.read()) !== null) bodyChunks.push(toBufferChunk(chunk, incoming.readableEncoding));
    const buffer = bodyChunks.length === 1 ? bodyChunks[0] : Buffer.concat(bodyChunks);
    result = buffer;
    const contentLength = incoming.headers["content-length"];
    if (typeof contentLength === "string" && /^\d+$/.test(contentLength)) {
      const expectedLength = Number(contentLength);
      if (Number.isSafeInteger(expectedLength) && buffer.length !== expectedLength) result = newBodyUnusableError();
    }
  }
  incomingWithRecovery[bodyBufferedBeforeDisconnectKey] = result;
  return result;
};
var enqueueBufferedBody = (controller, buffered) => {
  if (buffered instanceof Error) {
    controller.error(buffered);
    return;
  }
  if (buffered.length > 0) controller.enqueue(buffered);
  controller.close();
};
var newRequestFromIncoming = (method, url, headers, incoming, abortController) => {
  const init = {
    method,
    headers,
    signal: abortController.signal
  };
  if (method === "TRACE") {
    init.method = "GET";
    const req = new Request$1(url, init);
    Object.defineProperty(req, "method", { get() {
      return "TRACE";
    } });
    return req;
  }
  if (!(method === "GET" || method === "HEAD")) if ("rawBody" in incoming && incoming.rawBody instanceof Buffer) init.body = new ReadableStream({ start(controller) {
    controller.enqueue(incoming.rawBody);
    controller.close();
  } });
  else if (incoming[wrapBodyStream]) {
    let reader;
    init.body = new ReadableStream({ async pull(controller) {
      try {
        if (!reader) {
          const buffered = readBodyBufferedBeforeDisconnect(incoming);
          if (buffered !== void 0) {
            enqueueBufferedBody(controller, buffered);
            return;
          }
        }
        reader ||= Readable.toWeb(incoming).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    } });
  } else {
    const buffered = readBodyBufferedBeforeDisconnect(incoming);
    if (buffered !== void 0) init.body = new ReadableStream({ start(controller) {
      enqueueBufferedBody(controller, buffered);
    } });
    else init.body = Readable.toWeb(incoming);
  }
  return new Request$1(url, init);
};
var getRequestCache = /* @__PURE__ */ Symbol("getRequestCache");
var requestCache = /* @__PURE__ */ Symbol("requestCache");
var incomingKey = /* @__PURE__ */ Symbol("incomingKey");
var urlKey = /* @__PURE__ */ Symbol("urlKey");
var methodKey = /* @__PURE__ */ Symbol("methodKey");
var headersKey = /* @__PURE__ */ Symbol("headersKey");
var abortControllerKey = /* @__PURE__ */ Symbol("abortControllerKey");
var getAbortController = /* @__PURE__ */ Symbol("getAbortController");
var abortRequest = /* @__PURE__ */ Symbol("abortRequest");
var bodyBufferKey = /* @__PURE__ */ Symbol("bodyBuffer");
var bodyReadPromiseKey = /* @__PURE__ */ Symbol("bodyReadPromise");
var bodyConsumedDirectlyKey = /* @__PURE__ */ Symbol("bodyConsumedDirectly");
var bodyLockReaderKey = /* @__PURE__ */ Symbol("bodyLockReader");
var abortReasonKey = /* @__PURE__ */ Symbol("abortReason");
var newBodyUnusableError = () => {
  return /* @__PURE__ */ new TypeError("Body is unusable");
};
var rejectBodyUnusable = () => {
  return Promise.reject(newBodyUnusableError());
};
var textDecoder = new TextDecoder();
var consumeBodyDirectOnce = (request) => {
  if (request[bodyConsumedDirectlyKey]) return rejectBodyUnusable();
  request[bodyConsumedDirectlyKey] = true;
};
var toArrayBuffer = (buf) => {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
};
var contentType = (request) => {
  return (request[headersKey] ||= newHeadersFromIncoming(request[incomingKey])).get("content-type") || "";
};
var methodTokenRegExp = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var normalizeIncomingMethod = (method) => {
  if (typeof method !== "string" || method.length === 0) return "GET";
  switch (method) {
    case "DELETE":
    case "GET":
    case "HEAD":
    case "OPTIONS":
    case "PATCH":
    case "POST":
    case "PUT":
    case "QUERY":
      return method;
  }
  const upper = method.toUpperCase();
  switch (upper) {
    case "DELETE":
    case "GET":
    case "HEAD":
    case "OPTIONS":
    case "POST":
    case "PUT":
      return upper;
    default:
      return method;
  }
};
var validateDirectReadMethod = (method) => {
  if (!methodTokenRegExp.test(method)) return /* @__PURE__ */ new TypeError(`'${method}' is not a valid HTTP method.`);
  const normalized = method.toUpperCase();
  if (normalized === "CONNECT" || normalized === "TRACK" || normalized === "TRACE" && method !== "TRACE") return /* @__PURE__ */ new TypeError(`'${method}' HTTP method is unsupported.`);
};
var readBodyWithFastPath = (request, method, fromBuffer) => {
  if (request[bodyConsumedDirectlyKey]) return rejectBodyUnusable();
  const methodName = request.method;
  if (methodName === "GET" || methodName === "HEAD") return request[getRequestCache]()[method]();
  const methodValidationError = validateDirectReadMethod(methodName);
  if (methodValidationError) return Promise.reject(methodValidationError);
  if (request[requestCache]) {
    if (methodName !== "TRACE") return request[requestCache][method]();
  }
  const alreadyUsedError = consumeBodyDirectOnce(request);
  if (alreadyUsedError) return alreadyUsedError;
  const raw2 = readRawBodyIfAvailable(request);
  if (raw2) {
    const result = Promise.resolve(fromBuffer(raw2, request));
    request[bodyBufferKey] = void 0;
    return result;
  }
  return readBodyDirect(request).then((buf) => {
    const result = fromBuffer(buf, request);
    request[bodyBufferKey] = void 0;
    return result;
  });
};
var readRawBodyIfAvailable = (request) => {
  const incoming = request[incomingKey];
  if ("rawBody" in incoming && incoming.rawBody instanceof Buffer) return incoming.rawBody;
};
var normalizeAbortError = (request, incoming) => {
  if (incoming.errored) return incoming.errored;
  const reason = request[abortReasonKey];
  if (reason !== void 0) return reason instanceof Error ? reason : new Error(String(reason));
  return /* @__PURE__ */ new Error("Client connection prematurely closed.");
};
var readBodyDirect = (request) => {
  if (request[bodyBufferKey]) return Promise.resolve(request[bodyBufferKey]);
  if (request[bodyReadPromiseKey]) return request[bodyReadPromiseKey];
  const incoming = request[incomingKey];
  if (incoming.readableDidRead) return rejectBodyUnusable();
  const buffered = readBodyBufferedBeforeDisconnect(incoming);
  if (buffered !== void 0) {
    if (buffered instanceof Error) return Promise.reject(buffered);
    request[bodyBufferKey] = buffered;
    return Promise.resolve(buffered);
  }
  const promise = new Promise((resolve, reject) => {
    const chunks = [];
    let settled = false;
    const finish = (callback) => {
      if (settled) return;
      settled = true;
      cleanup();
      callback();
    };
    const recoverCompleteBodyAfterDisconnect = (error) => {
      const streamError = incoming.errored ?? error;
      if (!isRecoverableDisconnectedIncoming(incoming) || streamError && streamError.code !== "ECONNRESET") return false;
      finish(() => {
        const recovered = readBodyBufferedBeforeDisconnect(incoming, chunks);
        if (recovered instanceof Error) reject(recovered);
        else if (recovered === void 0) reject(error ?? normalizeAbortError(request, incoming));
        else {
          request[bodyBufferKey] = recovered;
          resolve(recovered);
        }
      });
      return true;
    };
    const onData = (chunk) => {
      chunks.push(toBufferChunk(chunk, incoming.readableEncoding));
    };
    const onEnd = () => {
      finish(() => {
        const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        request[bodyBufferKey] = buffer;
        resolve(buffer);
      });
    };
    const onError2 = (error) => {
      if (recoverCompleteBodyAfterDisconnect(error)) return;
      finish(() => {
        reject(error);
      });
    };
    const onClose = () => {
      if (incoming.readableEnded) {
        onEnd();
        return;
      }
      if (recoverCompleteBodyAfterDisconnect()) return;
      finish(() => {
        reject(normalizeAbortError(request, incoming));
      });
    };
    const cleanup = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError2);
      incoming.off("close", onClose);
      request[bodyReadPromiseKey] = void 0;
    };
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError2);
    incoming.on("close", onClose);
    queueMicrotask(() => {
      if (settled) return;
      if (incoming.readableEnded) onEnd();
      else if (incoming.errored) onError2(incoming.errored);
      else if (incoming.destroyed) onClose();
    });
  });
  request[bodyReadPromiseKey] = promise;
  return promise;
};
var requestPrototype = {
  get method() {
    return this[methodKey];
  },
  get url() {
    return this[urlKey];
  },
  get headers() {
    return this[headersKey] ||= newHeadersFromIncoming(this[incomingKey]);
  },
  [abortRequest](reason) {
    if (this[abortReasonKey] === void 0) this[abortReasonKey] = reason;
    const abortController = this[abortControllerKey];
    if (abortController && !abortController.signal.aborted) abortController.abort(reason);
  },
  [getAbortController]() {
    this[abortControllerKey] ||= new AbortController();
    if (this[abortReasonKey] !== void 0 && !this[abortControllerKey].signal.aborted) this[abortControllerKey].abort(this[abortReasonKey]);
    return this[abortControllerKey];
  },
  [getRequestCache]() {
    const abortController = this[getAbortController]();
    if (this[requestCache]) return this[requestCache];
    const method = this.method;
    if (this[bodyConsumedDirectlyKey] && !(method === "GET" || method === "HEAD")) {
      this[bodyBufferKey] = void 0;
      const init = {
        method: method === "TRACE" ? "GET" : method,
        headers: this.headers,
        signal: abortController.signal
      };
      if (method !== "TRACE") {
        init.body = new ReadableStream({ start(c) {
          c.close();
        } });
        init.duplex = "half";
      }
      const req = new Request$1(this[urlKey], init);
      if (method === "TRACE") Object.defineProperty(req, "method", { get() {
        return "TRACE";
      } });
      return this[requestCache] = req;
    }
    return this[requestCache] = newRequestFromIncoming(this.method, this[urlKey], this.headers, this[incomingKey], abortController);
  },
  get body() {
    if (!this[bodyConsumedDirectlyKey]) return this[getRequestCache]().body;
    const request = this[getRequestCache]();
    if (!this[bodyLockReaderKey] && request.body) this[bodyLockReaderKey] = request.body.getReader();
    return request.body;
  },
  get bodyUsed() {
    if (this[bodyConsumedDirectlyKey]) return true;
    if (this[requestCache]) return this[requestCache].bodyUsed;
    return false;
  }
};
Object.defineProperty(requestPrototype, "signal", { get() {
  return this[getAbortController]().signal;
} });
[
  "cache",
  "credentials",
  "destination",
  "duplex",
  "integrity",
  "mode",
  "redirect",
  "referrer",
  "referrerPolicy",
  "keepalive"
].forEach((k) => {
  Object.defineProperty(requestPrototype, k, { get() {
    return this[getRequestCache]()[k];
  } });
});
["clone", "formData"].forEach((k) => {
  Object.defineProperty(requestPrototype, k, { value: function() {
    if (this[bodyConsumedDirectlyKey]) {
      if (k === "clone") throw newBodyUnusableError();
      return rejectBodyUnusable();
    }
    return this[getRequestCache]()[k]();
  } });
});
Object.defineProperty(requestPrototype, "text", { value: function() {
  return readBodyWithFastPath(this, "text", (buf) => textDecoder.decode(buf));
} });
Object.defineProperty(requestPrototype, "arrayBuffer", { value: function() {
  return readBodyWithFastPath(this, "arrayBuffer", (buf) => toArrayBuffer(buf));
} });
Object.defineProperty(requestPrototype, "blob", { value: function() {
  return readBodyWithFastPath(this, "blob", (buf, request) => {
    const type = contentType(request);
    const init = type ? { headers: { "content-type": type } } : void 0;
    return new Response(buf, init).blob();
  });
} });
Object.defineProperty(requestPrototype, "bytes", { value: function() {
  return this.arrayBuffer().then((buf) => new Uint8Array(buf));
} });
Object.defineProperty(requestPrototype, "json", { value: function() {
  if (this[bodyConsumedDirectlyKey]) return rejectBodyUnusable();
  return this.text().then(JSON.parse);
} });
Object.defineProperty(requestPrototype, /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom"), { value: function(depth, options, inspectFn) {
  return `Request (lightweight) ${inspectFn({
    method: this.method,
    url: this.url,
    headers: this.headers,
    nativeRequest: this[requestCache]
  }, {
    ...options,
    depth: depth == null ? null : depth - 1
  })}`;
} });
Object.setPrototypeOf(requestPrototype, Request$1.prototype);
var newRequest = (incoming, defaultHostname) => {
  const req = Object.create(requestPrototype);
  req[incomingKey] = incoming;
  req[methodKey] = normalizeIncomingMethod(incoming.method);
  const incomingUrl = incoming.url || "";
  if (incomingUrl[0] !== "/" && (incomingUrl.startsWith("http://") || incomingUrl.startsWith("https://"))) {
    if (incoming instanceof Http2ServerRequest) throw new RequestError("Absolute URL for :path is not allowed in HTTP/2");
    try {
      validateRequestTarget(incomingUrl);
      req[urlKey] = new URL(incomingUrl).href;
    } catch (e) {
      throw new RequestError("Invalid absolute URL", { cause: e });
    }
    return req;
  }
  const host = (incoming instanceof Http2ServerRequest ? incoming.authority : incoming.headers.host) || defaultHostname;
  if (!host) throw new RequestError("Missing host header");
  let scheme;
  if (incoming instanceof Http2ServerRequest) {
    scheme = incoming.scheme;
    if (!(scheme === "http" || scheme === "https")) throw new RequestError("Unsupported scheme");
  } else scheme = incoming.socket && incoming.socket.encrypted ? "https" : "http";
  try {
    req[urlKey] = buildUrl(scheme, host, incomingUrl);
  } catch (e) {
    if (e instanceof RequestError) throw e;
    else throw new RequestError("Invalid URL", { cause: e });
  }
  return req;
};
var defaultContentType = "text/plain; charset=UTF-8";
var responseCache = /* @__PURE__ */ Symbol("responseCache");
var getResponseCache = /* @__PURE__ */ Symbol("getResponseCache");
var cacheKey = /* @__PURE__ */ Symbol("cache");
var GlobalResponse = global.Response;
var Response$1 = class Response$12 {
  #body;
  #init;
  static [Symbol.hasInstance](instance) {
    if (this === Response$12) return instance instanceof GlobalResponse || Function.prototype[Symbol.hasInstance].call(this, instance);
    return Function.prototype[Symbol.hasInstance].call(this, instance);
  }
  [getResponseCache]() {
    const cache = this[cacheKey];
    const liveHeaders = cache && cache[2] instanceof Headers ? cache[2] : void 0;
    delete this[cacheKey];
    return this[responseCache] ||= new GlobalResponse(this.#body, liveHeaders ? {
      status: this.#init?.status,
      statusText: this.#init?.statusText,
      headers: liveHeaders
    } : this.#init);
  }
  constructor(body, init) {
    let headers;
    this.#body = body;
    if (init instanceof GlobalResponse) {
      const cachedGlobalResponse = init[responseCache];
      if (cachedGlobalResponse) {
        this.#init = cachedGlobalResponse;
        this[getResponseCache]();
        return;
      }
      this.#init = #init in init ? init.#init : init;
      headers = new Headers(init.headers);
    } else this.#init = init;
    if (body == null || typeof body === "string" || typeof body?.getReader !== "undefined" || body instanceof Blob || body instanceof Uint8Array) this[cacheKey] = [
      init?.status || 200,
      body ?? null,
      headers || init?.headers
    ];
  }
  get headers() {
    const cache = this[cacheKey];
    if (cache) {
      if (!(cache[2] instanceof Headers)) cache[2] = new Headers(cache[2] || (cache[1] === null ? void 0 : { "content-type": defaultContentType }));
      return cache[2];
    }
    return this[getResponseCache]().headers;
  }
  get status() {
    return this[cacheKey]?.[0] ?? this[getResponseCache]().status;
  }
  get ok() {
    const status = this.status;
    return status >= 200 && status < 300;
  }
};
[
  "body",
  "bodyUsed",
  "redirected",
  "statusText",
  "trailers",
  "type",
  "url"
].forEach((k) => {
  Object.defineProperty(Response$1.prototype, k, { get() {
    return this[getResponseCache]()[k];
  } });
});
[
  "arrayBuffer",
  "blob",
  "bytes",
  "clone",
  "formData",
  "json",
  "text"
].forEach((k) => {
  Object.defineProperty(Response$1.prototype, k, { value: function() {
    return this[getResponseCache]()[k]();
  } });
});
Object.defineProperty(Response$1.prototype, /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom"), { value: function(depth, options, inspectFn) {
  return `Response (lightweight) ${inspectFn({
    status: this.status,
    headers: this.headers,
    ok: this.ok,
    nativeResponse: this[responseCache]
  }, {
    ...options,
    depth: depth == null ? null : depth - 1
  })}`;
} });
Object.setPrototypeOf(Response$1, GlobalResponse);
Object.setPrototypeOf(Response$1.prototype, GlobalResponse.prototype);
var validRedirectUrl = /^https?:\/\/[!#-;=?-[\]_a-z~A-Z]+$/;
var parseRedirectUrl = (url) => {
  if (url instanceof URL) return url.href;
  if (validRedirectUrl.test(url)) return url;
  return new URL(url).href;
};
var validRedirectStatuses = /* @__PURE__ */ new Set([
  301,
  302,
  303,
  307,
  308
]);
Object.defineProperty(Response$1, "redirect", {
  value: function redirect(url, status = 302) {
    if (!validRedirectStatuses.has(status)) throw new RangeError("Invalid status code");
    return new Response$1(null, {
      status,
      headers: { location: parseRedirectUrl(url) }
    });
  },
  writable: true,
  configurable: true
});
Object.defineProperty(Response$1, "json", {
  value: function json(data, init) {
    const body = JSON.stringify(data);
    if (body === void 0) throw new TypeError("The data is not JSON serializable");
    const initHeaders = init?.headers;
    let headers;
    if (initHeaders) {
      headers = new Headers(initHeaders);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    } else headers = { "content-type": "application/json" };
    return new Response$1(body, {
      status: init?.status ?? 200,
      statusText: init?.statusText,
      headers
    });
  },
  writable: true,
  configurable: true
});
async function readWithoutBlocking(readPromise) {
  return Promise.race([readPromise, Promise.resolve().then(() => Promise.resolve(void 0))]);
}
function writeFromReadableStreamDefaultReader(reader, writable, currentReadPromise) {
  const cancel = (error) => {
    reader.cancel(error).catch(() => {
    });
  };
  const stream = writable.stream;
  if (writable.destroyed || stream?.closed || stream?.destroyed) {
    cancel();
    return reader.closed;
  }
  writable.on("close", cancel);
  writable.on("error", cancel);
  (currentReadPromise ?? reader.read()).then(flow, handleStreamError);
  return reader.closed.finally(() => {
    writable.off("close", cancel);
    writable.off("error", cancel);
  });
  function handleStreamError(error) {
    if (error) writable.destroy(error);
  }
  function onDrain() {
    reader.read().then(flow, handleStreamError);
  }
  function flow({ done, value }) {
    try {
      if (done) writable.end();
      else if (!writable.write(value)) writable.once("drain", onDrain);
      else reader.read().then(flow, handleStreamError);
    } catch (e) {
      handleStreamError(e);
    }
  }
}
function writeFromReadableStream(stream, writable) {
  if (stream.locked) throw new TypeError("ReadableStream is locked.");
  else if (writable.destroyed) {
    stream.cancel().catch(() => {
    });
    return;
  }
  return writeFromReadableStreamDefaultReader(stream.getReader(), writable);
}
var buildOutgoingHttpHeaders = (headers, defaultContentType2) => {
  const res = {};
  if (!(headers instanceof Headers)) headers = new Headers(headers ?? void 0);
  if (headers.has("set-cookie")) {
    const cookies = [];
    for (const [k, v] of headers) if (k === "set-cookie") cookies.push(v);
    else res[k] = v;
    if (cookies.length > 0) res["set-cookie"] = cookies;
  } else for (const [k, v] of headers) res[k] = v;
  if (defaultContentType2) res["content-type"] ??= defaultContentType2;
  return res;
};
var outgoingEnded = /* @__PURE__ */ Symbol("outgoingEnded");
var incomingDraining = /* @__PURE__ */ Symbol("incomingDraining");
var DRAIN_TIMEOUT_MS = 500;
var MAX_DRAIN_BYTES = 64 * 1024 * 1024;
var drainIncoming = (incoming) => {
  const incomingWithDrainState = incoming;
  if (incoming.destroyed || incomingWithDrainState[incomingDraining]) return;
  incomingWithDrainState[incomingDraining] = true;
  if (incoming instanceof Http2ServerRequest) {
    try {
      incoming.stream?.close?.(constants.NGHTTP2_NO_ERROR);
    } catch {
    }
    return;
  }
  let bytesRead = 0;
  const cleanup = () => {
    clearTimeout(timer);
    incoming.off("data", onData);
    incoming.off("end", cleanup);
    incoming.off("error", cleanup);
  };
  const forceClose = () => {
    cleanup();
    const socket = incoming.socket;
    if (socket && !socket.destroyed) {
      if (typeof socket.destroySoon === "function") socket.destroySoon();
      else if (typeof socket.destroy === "function") socket.destroy();
    }
  };
  const timer = setTimeout(forceClose, DRAIN_TIMEOUT_MS);
  timer.unref?.();
  const onData = (chunk) => {
    bytesRead += chunk.length;
    if (bytesRead > MAX_DRAIN_BYTES) forceClose();
  };
  incoming.on("data", onData);
  incoming.on("end", cleanup);
  incoming.on("error", cleanup);
  incoming.resume();
};
var makeCloseHandler = (req, incoming, outgoing, needsBodyCleanup) => () => {
  if (incoming.errored) {
    recordBodyBufferedBeforeDisconnect(incoming);
    req[abortRequest](incoming.errored.toString());
  } else if (!outgoing.writableFinished || incoming instanceof Http2ServerRequest && incoming.aborted) {
    recordBodyBufferedBeforeDisconnect(incoming);
    req[abortRequest]("Client connection prematurely closed.");
  }
  if (needsBodyCleanup && !incoming.readableEnded) setTimeout(() => {
    if (!incoming.readableEnded) setTimeout(() => {
      drainIncoming(incoming);
    });
  });
};
var isImmediateCacheableResponse = (res) => {
  if (!(cacheKey in res)) return false;
  const body = res[cacheKey][1];
  return body === null || typeof body === "string" || body instanceof Uint8Array;
};
var handleRequestError = () => new Response(null, { status: 400 });
var handleFetchError = (e) => new Response(null, { status: e instanceof Error && (e.name === "TimeoutError" || e.constructor.name === "TimeoutError") ? 504 : 500 });
var handleResponseError = (e, outgoing) => {
  const err = e instanceof Error ? e : new Error("unknown error", { cause: e });
  if (err.code === "ERR_STREAM_PREMATURE_CLOSE") console.info("The user aborted a request.");
  else {
    console.error(e);
    if (!outgoing.headersSent) {
      if (outgoing instanceof ServerResponse) outgoing._contentLength = null;
      outgoing.writeHead(500, { "Content-Type": "text/plain" });
    }
    outgoing.end(`Error: ${err.message}`);
    outgoing.destroy(err);
  }
};
var flushHeaders = (outgoing) => {
  if ("flushHeaders" in outgoing && outgoing.writable) outgoing.flushHeaders();
};
var trySetContentLength = (outgoing, status, length) => {
  const http1 = outgoing;
  if (http1._contentLength === null && http1._hasBody && http1.useChunkedEncodingByDefault && !http1._removedContLen && status >= 200 && status !== 204 && status !== 304 && !outgoing.hasHeader("content-length") && !outgoing.hasHeader("transfer-encoding") && !outgoing.hasHeader("trailer")) {
    http1._contentLength = length;
    return true;
  }
  return false;
};
var writeDefaultHeaders = (outgoing, status, length) => {
  if (trySetContentLength(outgoing, status, length)) outgoing.writeHead(status, { "Content-Type": defaultContentType });
  else outgoing.writeHead(status, {
    "Content-Type": defaultContentType,
    "Content-Length": length
  });
};
var responseViaCache = async (res, outgoing) => {
  let [status, body, header] = res[cacheKey];
  if (!header) {
    if (body === null) {
      outgoing.writeHead(status);
      outgoing.end();
    } else if (typeof body === "string") {
      writeDefaultHeaders(outgoing, status, Buffer.byteLength(body));
      outgoing.end(body);
    } else if (body instanceof Uint8Array) {
      writeDefaultHeaders(outgoing, status, body.byteLength);
      outgoing.end(body);
    } else if (body instanceof Blob) {
      writeDefaultHeaders(outgoing, status, body.size);
      outgoing.end(new Uint8Array(await body.arrayBuffer()));
    } else {
      outgoing.writeHead(status, { "Content-Type": defaultContentType });
      flushHeaders(outgoing);
      await writeFromReadableStream(body, outgoing)?.catch((e) => handleResponseError(e, outgoing));
    }
    outgoing[outgoingEnded]?.();
    return;
  }
  let hasContentLength = false;
  let plainHeaders = false;
  let canAutoLength = true;
  if (header instanceof Headers) {
    hasContentLength = header.has("content-length");
    header = buildOutgoingHttpHeaders(header, body === null ? void 0 : defaultContentType);
  } else if (Array.isArray(header)) {
    const headerObj = new Headers(header);
    hasContentLength = headerObj.has("content-length");
    header = buildOutgoingHttpHeaders(headerObj, body === null ? void 0 : defaultContentType);
  } else {
    plainHeaders = true;
    for (const key in header) {
      if (key.length === 14 && key.toLowerCase() === "content-length") {
        hasContentLength = true;
        break;
      }
      if (key.length === 17 && key.toLowerCase() === "transfer-encoding" || key.length === 7 && key.toLowerCase() === "trailer") canAutoLength = false;
    }
  }
  if (!hasContentLength) {
    let length;
    if (typeof body === "string") length = Buffer.byteLength(body);
    else if (body instanceof Uint8Array) length = body.byteLength;
    else if (body instanceof Blob) length = body.size;
    if (length !== void 0 && (!plainHeaders || !canAutoLength || !trySetContentLength(outgoing, status, length))) {
      if (plainHeaders) header = { ...header };
      header["Content-Length"] = length;
    }
  }
  outgoing.writeHead(status, header);
  if (body == null) outgoing.end();
  else if (typeof body === "string" || body instanceof Uint8Array) outgoing.end(body);
  else if (body instanceof Blob) outgoing.end(new Uint8Array(await body.arrayBuffer()));
  else {
    flushHeaders(outgoing);
    await writeFromReadableStream(body, outgoing)?.catch((e) => handleResponseError(e, outgoing));
  }
  outgoing[outgoingEnded]?.();
};
var isPromise = (res) => typeof res.then === "function";
var responseViaResponseObject = async (res, outgoing, options = {}) => {
  if (isPromise(res)) if (options.errorHandler) try {
    res = await res;
  } catch (err) {
    const errRes = await options.errorHandler(err);
    if (!errRes) return;
    res = errRes;
  }
  else res = await res.catch(handleFetchError);
  if (cacheKey in res) return responseViaCache(res, outgoing);
  const resHeaderRecord = buildOutgoingHttpHeaders(res.headers, res.body === null ? void 0 : defaultContentType);
  if (res.body) {
    const reader = res.body.getReader();
    const values = [];
    let done = false;
    let currentReadPromise = void 0;
    if (resHeaderRecord["transfer-encoding"] !== "chunked") {
      let maxReadCount = 2;
      for (let i = 0; i < maxReadCount; i++) {
        currentReadPromise ||= reader.read();
        const chunk = await readWithoutBlocking(currentReadPromise);
        if (!chunk) {
          if (i === 1) {
            await new Promise((resolve) => setTimeout(resolve));
            maxReadCount = 3;
            continue;
          }
          break;
        }
        currentReadPromise = void 0;
        if (chunk.value) values.push(chunk.value);
        if (chunk.done) {
          done = true;
          break;
        }
      }
      if (done && !("content-length" in resHeaderRecord)) resHeaderRecord["content-length"] = values.reduce((acc, value) => acc + value.length, 0);
    }
    outgoing.writeHead(res.status, resHeaderRecord);
    values.forEach((value) => {
      outgoing.write(value);
    });
    if (done) outgoing.end();
    else {
      if (values.length === 0) flushHeaders(outgoing);
      await writeFromReadableStreamDefaultReader(reader, outgoing, currentReadPromise);
    }
  } else if (resHeaderRecord[X_ALREADY_SENT]) {
  } else {
    outgoing.writeHead(res.status, resHeaderRecord);
    outgoing.end();
  }
  outgoing[outgoingEnded]?.();
};
var getRequestListener = (fetchCallback, options = {}) => {
  const autoCleanupIncoming = options.autoCleanupIncoming ?? true;
  if (options.overrideGlobalObjects !== false && global.Request !== Request$1) {
    Object.defineProperty(global, "Request", { value: Request$1 });
    Object.defineProperty(global, "Response", { value: Response$1 });
  }
  return async (incoming, outgoing) => {
    let res, req;
    let needsBodyCleanup = false;
    let closeHandlerAttached = false;
    const ensureCloseHandler = () => {
      if (!req || closeHandlerAttached) return;
      closeHandlerAttached = true;
      outgoing.on("close", makeCloseHandler(req, incoming, outgoing, needsBodyCleanup));
    };
    try {
      req = newRequest(incoming, options.hostname);
      needsBodyCleanup = autoCleanupIncoming && !(incoming.method === "GET" || incoming.method === "HEAD");
      if (needsBodyCleanup) {
        incoming[wrapBodyStream] = true;
        if (incoming instanceof Http2ServerRequest) outgoing[outgoingEnded] = () => {
          if (!incoming.readableEnded) setTimeout(() => {
            if (!incoming.readableEnded) setTimeout(() => {
              incoming.destroy();
              outgoing.destroy();
            });
          });
        };
      }
      res = fetchCallback(req, {
        incoming,
        outgoing
      });
      if (!isPromise(res) && isImmediateCacheableResponse(res)) {
        if (needsBodyCleanup && !incoming.readableEnded) outgoing.once("finish", () => {
          if (!incoming.readableEnded) drainIncoming(incoming);
        });
        return responseViaCache(res, outgoing);
      }
      ensureCloseHandler();
    } catch (e) {
      if (!res) if (options.errorHandler) {
        ensureCloseHandler();
        res = await options.errorHandler(req ? e : toRequestError(e));
        if (!res) return;
      } else if (!req) res = handleRequestError();
      else res = handleFetchError(e);
      else return handleResponseError(e, outgoing);
    }
    try {
      return await responseViaResponseObject(res, outgoing, options);
    } catch (e) {
      return handleResponseError(e, outgoing);
    }
  };
};
var CloseEvent = globalThis.CloseEvent ?? class extends Event {
  #eventInitDict;
  constructor(type, eventInitDict = {}) {
    super(type, eventInitDict);
    this.#eventInitDict = eventInitDict;
  }
  get wasClean() {
    return this.#eventInitDict.wasClean ?? false;
  }
  get code() {
    return this.#eventInitDict.code ?? 0;
  }
  get reason() {
    return this.#eventInitDict.reason ?? "";
  }
};
var ErrorEvent = globalThis.ErrorEvent ?? class extends Event {
  #eventInitDict;
  constructor(type, eventInitDict = {}) {
    super(type, eventInitDict);
    this.#eventInitDict = eventInitDict;
  }
  get message() {
    return this.#eventInitDict.message ?? "";
  }
  get filename() {
    return this.#eventInitDict.filename ?? "";
  }
  get lineno() {
    return this.#eventInitDict.lineno ?? 0;
  }
  get colno() {
    return this.#eventInitDict.colno ?? 0;
  }
  get error() {
    return this.#eventInitDict.error ?? null;
  }
};
var generateConnectionSymbol = () => /* @__PURE__ */ Symbol("connection");
var CONNECTION_SYMBOL_KEY = /* @__PURE__ */ Symbol("CONNECTION_SYMBOL_KEY");
var WAIT_FOR_WEBSOCKET_SYMBOL = /* @__PURE__ */ Symbol("WAIT_FOR_WEBSOCKET_SYMBOL");
var upgradeWebSocket = defineWebSocketHelper(async (c, events, options) => {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return;
  const env = c.env;
  const waitForWebSocket = env[WAIT_FOR_WEBSOCKET_SYMBOL];
  if (!waitForWebSocket || !env.incoming) return new Response(null, { status: 500 });
  const connectionSymbol = generateConnectionSymbol();
  env[CONNECTION_SYMBOL_KEY] = connectionSymbol;
  (async () => {
    let ws;
    try {
      ws = await waitForWebSocket(env.incoming, connectionSymbol);
    } catch {
      return;
    }
    const messagesReceivedInStarting = [];
    const bufferMessage = (data, isBinary) => {
      messagesReceivedInStarting.push([data, isBinary]);
    };
    ws.on("message", bufferMessage);
    const ctx = {
      binaryType: "arraybuffer",
      close(code, reason) {
        ws.close(code, reason);
      },
      protocol: ws.protocol,
      raw: ws,
      get readyState() {
        return ws.readyState;
      },
      send(source, opts) {
        ws.send(source, { compress: opts?.compress });
      },
      url: new URL(c.req.url)
    };
    try {
      events?.onOpen?.(new Event("open"), ctx);
    } catch (e) {
      (options?.onError ?? console.error)(e);
    }
    const handleMessage = (data, isBinary) => {
      const datas = Array.isArray(data) ? data : [data];
      for (const data2 of datas) try {
        events?.onMessage?.(new MessageEvent("message", { data: isBinary ? data2 instanceof ArrayBuffer ? data2 : data2.buffer.slice(data2.byteOffset, data2.byteOffset + data2.byteLength) : typeof data2 === "string" ? data2 : Buffer.from(data2).toString("utf-8") }), ctx);
      } catch (e) {
        (options?.onError ?? console.error)(e);
      }
    };
    ws.off("message", bufferMessage);
    for (const message of messagesReceivedInStarting) handleMessage(...message);
    ws.on("message", (data, isBinary) => {
      handleMessage(data, isBinary);
    });
    ws.on("close", (code, reason) => {
      try {
        events?.onClose?.(new CloseEvent("close", {
          code,
          reason: reason.toString()
        }), ctx);
      } catch (e) {
        (options?.onError ?? console.error)(e);
      }
    });
    ws.on("error", (error) => {
      try {
        events?.onError?.(new ErrorEvent("error", { error }), ctx);
      } catch (e) {
        (options?.onError ?? console.error)(e);
      }
    });
  })();
  return new Response();
});

// node_modules/hono/dist/http-exception.js
var HTTPException = class extends Error {
  res;
  status;
  /**
  * Creates an instance of `HTTPException`.
  * @param status - HTTP status code for the exception. Defaults to 500.
  * @param options - Additional options for the exception.
  */
  constructor(status = 500, options) {
    super(options?.message, { cause: options?.cause });
    this.res = options?.res;
    this.status = status;
  }
  /**
  * Returns the response object associated with the exception.
  * If a response object is not provided, a new response is created with the error message and status code.
  * @returns The response object.
  */
  getResponse() {
    if (this.res) return new Response(this.res.body, {
      status: this.status,
      headers: this.res.headers
    });
    return new Response(this.message, { status: this.status });
  }
};

// node_modules/hono/dist/request/constants.js
var GET_MATCH_RESULT = /* @__PURE__ */ Symbol();

// node_modules/hono/dist/utils/buffer.js
var bufferToFormData = (arrayBuffer, contentType2) => {
  return new Response(arrayBuffer, { headers: { "Content-Type": contentType2.replace(/^[^;]+/, (mediaType) => mediaType.toLowerCase()) } }).formData();
};

// node_modules/hono/dist/utils/body.js
var MAX_NESTED_OBJECTS = 1e4;
var isRawRequest = (request) => "headers" in request;
var parseBody = async (request, options = /* @__PURE__ */ Object.create(null)) => {
  const { all = false, dot = false } = options;
  const mediaType = (isRawRequest(request) ? request.headers : request.raw.headers).get("Content-Type")?.split(";")[0].trim().toLowerCase();
  if (mediaType === "multipart/form-data" || mediaType === "application/x-www-form-urlencoded") return parseFormData(request, {
    all,
    dot
  });
  return {};
};
async function parseFormData(request, options) {
  if (!isRawRequest(request) && request.bodyCache.formData) return convertFormDataToBodyData(await request.bodyCache.formData, options);
  const headers = isRawRequest(request) ? request.headers : request.raw.headers;
  const arrayBuffer = await request.arrayBuffer();
  const formDataPromise = bufferToFormData(arrayBuffer, headers.get("Content-Type") || "");
  if (!isRawRequest(request)) request.bodyCache.formData = formDataPromise;
  const formData = await formDataPromise;
  if (formData) return convertFormDataToBodyData(formData, options);
  return {};
}
function convertFormDataToBodyData(formData, options) {
  const form = /* @__PURE__ */ Object.create(null);
  const nestingState = { count: 0 };
  formData.forEach((value, key) => {
    if (!(options.all || key.endsWith("[]"))) form[key] = value;
    else handleParsingAllValues(form, key, value);
  });
  if (options.dot) Object.entries(form).forEach(([key, value]) => {
    if (key.includes(".")) {
      handleParsingNestedValues(form, key, value, nestingState);
      delete form[key];
    }
  });
  return form;
}
var handleParsingAllValues = (form, key, value) => {
  if (form[key] !== void 0) {
    if (Array.isArray(form[key])) form[key].push(value);
    else form[key] = [form[key], value];
  } else if (!key.endsWith("[]")) form[key] = value;
  else form[key] = [value];
};
var handleParsingNestedValues = (form, key, value, state) => {
  if (/(?:^|\.)__proto__\./.test(key)) return;
  let nestedForm = form;
  const keys = key.split(".", 34);
  if (keys.length > 33) throwNestingLimitExceeded();
  keys.forEach((key2, index) => {
    if (index === keys.length - 1) nestedForm[key2] = value;
    else {
      if (!nestedForm[key2] || typeof nestedForm[key2] !== "object" || Array.isArray(nestedForm[key2]) || nestedForm[key2] instanceof File) {
        if (state.count++ >= MAX_NESTED_OBJECTS) throwNestingLimitExceeded();
        nestedForm[key2] = /* @__PURE__ */ Object.create(null);
      }
      nestedForm = nestedForm[key2];
    }
  });
};
var throwNestingLimitExceeded = () => {
  throw new Error("Nesting limit exceeded");
};

// node_modules/hono/dist/utils/url.js
var splitPath = (path) => {
  const paths = path.split("/");
  if (paths[0] === "") paths.shift();
  return paths;
};
var splitRoutingPath = (routePath2) => {
  const { groups, path } = extractGroupsFromPath(routePath2);
  const paths = splitPath(path);
  return replaceGroupMarks(paths, groups);
};
var extractGroupsFromPath = (path) => {
  const groups = [];
  path = path.replace(/\{[^}]+\}/g, (match2, index) => {
    const mark = `@${index}`;
    groups.push([mark, match2]);
    return mark;
  });
  return {
    groups,
    path
  };
};
var replaceGroupMarks = (paths, groups) => {
  for (let i = groups.length - 1; i >= 0; i--) {
    const [mark] = groups[i];
    for (let j = paths.length - 1; j >= 0; j--) if (paths[j].includes(mark)) {
      paths[j] = paths[j].replace(mark, groups[i][1]);
      break;
    }
  }
  return paths;
};
var patternCache = {};
var getPattern = (label, next) => {
  if (label === "*") return "*";
  const match2 = label.match(/^\:([^\{\}]+)(?:\{(.+)\})?$/);
  if (match2) {
    const cacheKey2 = `${label}#${next}`;
    if (!patternCache[cacheKey2]) {
      if (match2[2]) patternCache[cacheKey2] = next && next[0] !== ":" && next[0] !== "*" ? [
        cacheKey2,
        match2[1],
        new RegExp(`^${match2[2]}(?=/${next})`)
      ] : [
        label,
        match2[1],
        new RegExp(`^${match2[2]}$`)
      ];
      else patternCache[cacheKey2] = [
        label,
        match2[1],
        true
      ];
    }
    return patternCache[cacheKey2];
  }
  return null;
};
var tryDecode = (str, decoder) => {
  try {
    return decoder(str);
  } catch {
    return str.replace(/(?:%[0-9A-Fa-f]{2})+/g, (match2) => {
      try {
        return decoder(match2);
      } catch {
        return match2;
      }
    });
  }
};
var decodeURIWithPreservedPercent = (value) => decodeURI(value.includes("%25") ? value.replace(/%25/g, "%2525") : value);
var getPath = (request) => {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf(":") + 4);
  let i = start;
  for (; i < url.length; i++) {
    const charCode = url.charCodeAt(i);
    if (charCode === 37) {
      const queryIndex = url.indexOf("?", i);
      const hashIndex = url.indexOf("#", i);
      const end = queryIndex === -1 ? hashIndex === -1 ? void 0 : hashIndex : hashIndex === -1 ? queryIndex : Math.min(queryIndex, hashIndex);
      const path = url.slice(start, end);
      const decoded = tryDecode(path, decodeURIWithPreservedPercent);
      if (/%(?![0-9A-Fa-f]{2})/.test(path)) {
        const rewritten = new URL("http://localhost");
        rewritten.pathname = decoded.replace(/[\\\t\n\r]/g, encodeURIComponent);
        if (tryDecode(rewritten.pathname, decodeURIWithPreservedPercent) !== decoded) return tryDecode(path.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"), decodeURIWithPreservedPercent);
      }
      return decoded;
    } else if (charCode === 63 || charCode === 35) break;
  }
  return url.slice(start, i);
};
var getPathNoStrict = (request) => {
  const result = getPath(request);
  return result.length > 1 && result.at(-1) === "/" ? result.slice(0, -1) : result;
};
var mergePath = (base, sub, ...rest) => {
  if (rest.length) sub = mergePath(sub, ...rest);
  return `${base?.[0] === "/" ? "" : "/"}${base}${sub === "/" ? "" : `${base?.at(-1) === "/" ? "" : "/"}${sub?.[0] === "/" ? sub.slice(1) : sub}`}`;
};
var checkOptionalParameter = (path) => {
  if (path.charCodeAt(path.length - 1) !== 63 || !path.includes(":")) return null;
  const segments = path.split("/");
  const results = [];
  let basePath = "";
  segments.forEach((segment) => {
    if (segment !== "" && !/\:/.test(segment)) basePath += "/" + segment;
    else if (/\:/.test(segment)) {
      if (segment.charCodeAt(segment.length - 1) === 63) {
        if (results.length === 0 && basePath === "") results.push("/");
        else results.push(basePath);
        const optionalSegment = segment.slice(0, -1);
        basePath += "/" + optionalSegment;
        results.push(basePath);
      } else basePath += "/" + segment;
    }
  });
  return results.filter((v, i, a) => a.indexOf(v) === i);
};
var tryDecodeURIComponent = (str) => str.indexOf("%") !== -1 ? tryDecode(str, decodeURIComponent_) : str;
var _decodeURI = (value) => {
  if (value.indexOf("+") !== -1) value = value.replace(/\+/g, " ");
  return tryDecodeURIComponent(value);
};
var _getQueryParam = (url, key, multiple) => {
  const hashIndex = url.indexOf("#", 8);
  if (hashIndex !== -1) url = url.slice(0, hashIndex);
  let encoded;
  if (!multiple && key && !/[%+&=]/.test(key)) {
    const queryIndex = url.indexOf("?", 8);
    let keyIndex2 = queryIndex;
    if (keyIndex2 === -1) return;
    if (!url.startsWith(key, keyIndex2 + 1)) keyIndex2 = url.indexOf(`&${key}`, keyIndex2 + 1);
    while (keyIndex2 !== -1) {
      const trailingKeyCode = url.charCodeAt(keyIndex2 + key.length + 1);
      if (trailingKeyCode === 61 || trailingKeyCode === 38 || isNaN(trailingKeyCode)) {
        if (keyIndex2 > queryIndex && /(?:^|&)[^=&]*[%+]/.test(url.slice(queryIndex + 1, keyIndex2))) break;
        if (trailingKeyCode === 61) {
          const valueIndex = keyIndex2 + key.length + 2;
          const endIndex = url.indexOf("&", valueIndex);
          return _decodeURI(url.slice(valueIndex, endIndex === -1 ? void 0 : endIndex));
        }
        return "";
      }
      keyIndex2 = url.indexOf(`&${key}`, keyIndex2 + 1);
    }
    encoded = /[%+]/.test(url);
    if (!encoded) return;
  }
  const results = /* @__PURE__ */ Object.create(null);
  encoded ??= /[%+]/.test(url);
  let keyIndex = url.indexOf("?", 8);
  while (keyIndex !== -1) {
    const nextKeyIndex = url.indexOf("&", keyIndex + 1);
    let valueIndex = url.indexOf("=", keyIndex);
    if (valueIndex > nextKeyIndex && nextKeyIndex !== -1) valueIndex = -1;
    let name = url.slice(keyIndex + 1, valueIndex === -1 ? nextKeyIndex === -1 ? void 0 : nextKeyIndex : valueIndex);
    if (encoded) name = _decodeURI(name);
    keyIndex = nextKeyIndex;
    if (name === "") continue;
    let value;
    if (valueIndex === -1) value = "";
    else {
      value = url.slice(valueIndex + 1, nextKeyIndex === -1 ? void 0 : nextKeyIndex);
      if (encoded) value = _decodeURI(value);
    }
    if (multiple) {
      if (!(results[name] && Array.isArray(results[name]))) results[name] = [];
      results[name].push(value);
    } else results[name] ??= value;
  }
  return key ? results[key] : results;
};
var getQueryParam = _getQueryParam;
var getQueryParams = (url, key) => {
  return _getQueryParam(url, key, true);
};
var decodeURIComponent_ = decodeURIComponent;

// node_modules/hono/dist/request.js
var HonoRequest = class {
  /**
  * `.raw` can get the raw Request object.
  *
  * @see {@link https://hono.dev/docs/api/request#raw}
  *
  * @example
  * ```ts
  * // For Cloudflare Workers
  * app.post('/', async (c) => {
  *   const metadata = c.req.raw.cf?.hostMetadata?
  *   ...
  * })
  * ```
  */
  raw;
  #validatedData;
  #matchResult;
  routeIndex = 0;
  /**
  * `.path` can get the pathname of the request.
  *
  * @see {@link https://hono.dev/docs/api/request#path}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const pathname = c.req.path // `/about/me`
  * })
  * ```
  */
  path;
  bodyCache = {};
  constructor(request, path = "/", matchResult = [[]]) {
    this.raw = request;
    this.path = path;
    this.#matchResult = matchResult;
  }
  param(key) {
    return key ? this.#getDecodedParam(key) : this.#getAllDecodedParams();
  }
  #getDecodedParam(key) {
    const paramKey = this.#matchResult[0][this.routeIndex]?.[1][key];
    const param = this.#getParamValue(paramKey);
    return param && tryDecodeURIComponent(param);
  }
  #getAllDecodedParams() {
    const decoded = {};
    const keys = Object.keys(this.#matchResult[0][this.routeIndex]?.[1] ?? {});
    for (const key of keys) {
      const value = this.#getParamValue(this.#matchResult[0][this.routeIndex][1][key]);
      if (value !== void 0) decoded[key] = tryDecodeURIComponent(value);
    }
    return decoded;
  }
  #getParamValue(paramKey) {
    return this.#matchResult[1] ? this.#matchResult[1][paramKey] : paramKey;
  }
  query(key) {
    return getQueryParam(this.url, key);
  }
  queries(key) {
    return getQueryParams(this.url, key);
  }
  header(name) {
    if (name) return this.raw.headers.get(name) ?? void 0;
    const headerData = /* @__PURE__ */ Object.create(null);
    this.raw.headers.forEach((value, key) => {
      headerData[key] = value;
    });
    return headerData;
  }
  async parseBody(options) {
    return parseBody(this, options);
  }
  #cachedBody = (key) => {
    const { bodyCache, raw: raw2 } = this;
    const cachedBody = bodyCache[key];
    if (cachedBody) return cachedBody;
    for (const anyCachedKey in bodyCache) return bodyCache[anyCachedKey].then((body) => {
      if (anyCachedKey === "json") body = JSON.stringify(body);
      const contentType2 = anyCachedKey === "formData" ? void 0 : raw2.headers.get("content-type");
      return new Response(body, { headers: contentType2 ? { "Content-Type": contentType2 } : void 0 })[key]();
    });
    return bodyCache[key] = raw2[key]();
  };
  /**
  * `.json()` can parse Request body of type `application/json`
  *
  * @see {@link https://hono.dev/docs/api/request#json}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.json()
  * })
  * ```
  */
  json() {
    return this.#cachedBody("text").then((text2) => JSON.parse(text2));
  }
  /**
  * `.text()` can parse Request body of type `text/plain`
  *
  * @see {@link https://hono.dev/docs/api/request#text}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.text()
  * })
  * ```
  */
  text() {
    return this.#cachedBody("text");
  }
  /**
  * `.arrayBuffer()` parse Request body as an `ArrayBuffer`
  *
  * @see {@link https://hono.dev/docs/api/request#arraybuffer}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.arrayBuffer()
  * })
  * ```
  */
  arrayBuffer() {
    return this.#cachedBody("arrayBuffer");
  }
  /**
  * `.bytes()` parses the request body as a `Uint8Array`.
  *
  * @see {@link https://hono.dev/docs/api/request#bytes}
  *
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.bytes()
  * })
  * ```
  */
  bytes() {
    return this.#cachedBody("arrayBuffer").then((buffer) => new Uint8Array(buffer));
  }
  /**
  * Parses the request body as a `Blob`.
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.blob();
  * });
  * ```
  * @see https://hono.dev/docs/api/request#blob
  */
  blob() {
    return this.#cachedBody("blob");
  }
  /**
  * Parses the request body as `FormData`.
  * @example
  * ```ts
  * app.post('/entry', async (c) => {
  *   const body = await c.req.formData();
  * });
  * ```
  * @see https://hono.dev/docs/api/request#formdata
  */
  formData() {
    return this.#cachedBody("formData");
  }
  /**
  * Adds validated data to the request.
  *
  * @param target - The target of the validation.
  * @param data - The validated data to add.
  */
  addValidatedData(target, data) {
    (this.#validatedData ??= {})[target] = data;
  }
  valid(target) {
    return this.#validatedData?.[target];
  }
  /**
  * `.url` can get the request url strings.
  *
  * @see {@link https://hono.dev/docs/api/request#url}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const url = c.req.url // `http://localhost:8787/about/me`
  *   ...
  * })
  * ```
  */
  get url() {
    return this.raw.url;
  }
  /**
  * `.method` can get the method name of the request.
  *
  * @see {@link https://hono.dev/docs/api/request#method}
  *
  * @example
  * ```ts
  * app.get('/about/me', (c) => {
  *   const method = c.req.method // `GET`
  * })
  * ```
  */
  get method() {
    return this.raw.method;
  }
  get [GET_MATCH_RESULT]() {
    return this.#matchResult;
  }
  /**
  * `.matchedRoutes` can return a matched route in the handler
  *
  * @deprecated
  *
  * Use matchedRoutes helper defined in "hono/route" instead.
  *
  * @see {@link https://hono.dev/docs/api/request#matchedroutes}
  *
  * @example
  * ```ts
  * app.use('*', async function logger(c, next) {
  *   await next()
  *   c.req.matchedRoutes.forEach(({ handler, method, path }, i) => {
  *     const name = handler.name || (handler.length < 2 ? '[handler]' : '[middleware]')
  *     console.log(
  *       method,
  *       ' ',
  *       path,
  *       ' '.repeat(Math.max(10 - path.length, 0)),
  *       name,
  *       i === c.req.routeIndex ? '<- respond from here' : ''
  *     )
  *   })
  * })
  * ```
  */
  get matchedRoutes() {
    return this.#matchResult[0].map(([[, route]]) => route);
  }
  /**
  * `.routePath` can retrieve the path registered within the handler
  *
  * @deprecated
  *
  * Use routePath helper defined in "hono/route" instead.
  *
  * @see {@link https://hono.dev/docs/api/request#routepath}
  *
  * @example
  * ```ts
  * app.get('/posts/:id', (c) => {
  *   return c.json({ path: c.req.routePath })
  * })
  * ```
  */
  get routePath() {
    return this.#matchResult[0].map(([[, route]]) => route)[this.routeIndex].path;
  }
};

// node_modules/hono/dist/utils/html.js
var HtmlEscapedCallbackPhase = {
  Stringify: 1,
  BeforeStream: 2,
  Stream: 3
};
var raw = (value, callbacks) => {
  const escapedString = new String(value);
  escapedString.isEscaped = true;
  escapedString.callbacks = callbacks;
  return escapedString;
};
var resolveCallback = async (str, phase, preserveCallbacks, context, buffer) => {
  if (typeof str === "object" && !(str instanceof String)) {
    if (!(str instanceof Promise)) str = str.toString();
    if (str instanceof Promise) str = await str;
  }
  const callbacks = str.callbacks;
  if (!callbacks?.length) return Promise.resolve(str);
  if (buffer) buffer[0] += str;
  else buffer = [str];
  const resStr = Promise.all(callbacks.map((c) => c({
    phase,
    buffer,
    context
  }))).then((res) => Promise.all(res.filter(Boolean).map((str2) => resolveCallback(str2, phase, false, context, buffer))).then(() => buffer[0]));
  if (preserveCallbacks) return raw(await resStr, callbacks);
  else return resStr;
};

// node_modules/hono/dist/context.js
var TEXT_PLAIN = "text/plain; charset=UTF-8";
var setDefaultContentType = (contentType2, headers) => {
  return {
    "Content-Type": contentType2,
    ...headers
  };
};
var createResponseInstance = (body, init) => new Response(body, init);
var Context = class {
  #rawRequest;
  #req;
  /**
  * `.env` can get bindings (environment variables, secrets, KV namespaces, D1 database, R2 bucket etc.) in Cloudflare Workers.
  *
  * @see {@link https://hono.dev/docs/api/context#env}
  *
  * @example
  * ```ts
  * // Environment object for Cloudflare Workers
  * app.get('*', async c => {
  *   const counter = c.env.COUNTER
  * })
  * ```
  */
  env = {};
  #var;
  finalized = false;
  /**
  * `.error` can get the error object from the middleware if the Handler throws an error.
  *
  * @see {@link https://hono.dev/docs/api/context#error}
  *
  * @example
  * ```ts
  * app.use('*', async (c, next) => {
  *   await next()
  *   if (c.error) {
  *     // do something...
  *   }
  * })
  * ```
  */
  error;
  #status;
  #executionCtx;
  #res;
  #layout;
  #renderer;
  #notFoundHandler;
  #preparedHeaders;
  #matchResult;
  #path;
  /**
  * Creates an instance of the Context class.
  *
  * @param req - The Request object.
  * @param options - Optional configuration options for the context.
  */
  constructor(req, options) {
    this.#rawRequest = req;
    if (options) {
      this.#executionCtx = options.executionCtx;
      this.env = options.env;
      this.#notFoundHandler = options.notFoundHandler;
      this.#path = options.path;
      this.#matchResult = options.matchResult;
    }
  }
  /**
  * `.req` is the instance of {@link HonoRequest}.
  */
  get req() {
    this.#req ??= new HonoRequest(this.#rawRequest, this.#path, this.#matchResult);
    return this.#req;
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#event}
  * The FetchEvent associated with the current request.
  *
  * @throws Will throw an error if the context does not have a FetchEvent.
  */
  get event() {
    if (this.#executionCtx && "respondWith" in this.#executionCtx) return this.#executionCtx;
    else throw Error("This context has no FetchEvent");
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#executionctx}
  * The ExecutionContext associated with the current request.
  *
  * @throws Will throw an error if the context does not have an ExecutionContext.
  */
  get executionCtx() {
    if (this.#executionCtx) return this.#executionCtx;
    else throw Error("This context has no ExecutionContext");
  }
  /**
  * @see {@link https://hono.dev/docs/api/context#res}
  * The Response object for the current request.
  */
  get res() {
    return this.#res ||= createResponseInstance(null, { headers: this.#preparedHeaders ??= new Headers() });
  }
  /**
  * Sets the Response object for the current request.
  *
  * @param _res - The Response object to set.
  */
  set res(_res) {
    if (this.#res && _res) {
      _res = createResponseInstance(_res.body, _res);
      for (const [k, v] of this.#res.headers.entries()) {
        if (k === "content-type") continue;
        if (k === "set-cookie") {
          const cookies = this.#res.headers.getSetCookie();
          _res.headers.delete("set-cookie");
          for (const cookie of cookies) _res.headers.append("set-cookie", cookie);
        } else _res.headers.set(k, v);
      }
    }
    this.#res = _res;
    this.finalized = true;
  }
  /**
  * `.render()` can create a response within a layout.
  *
  * @see {@link https://hono.dev/docs/api/context#render-setrenderer}
  *
  * @example
  * ```ts
  * app.get('/', (c) => {
  *   return c.render('Hello!')
  * })
  * ```
  */
  render = (...args) => {
    this.#renderer ??= (content) => this.html(content);
    return this.#renderer(...args);
  };
  /**
  * Sets the layout for the response.
  *
  * @param layout - The layout to set.
  * @returns The layout function.
  */
  setLayout = (layout) => this.#layout = layout;
  /**
  * Gets the current layout for the response.
  *
  * @returns The current layout function.
  */
  getLayout = () => this.#layout;
  /**
  * `.setRenderer()` can set the layout in the custom middleware.
  *
  * @see {@link https://hono.dev/docs/api/context#render-setrenderer}
  *
  * @example
  * ```tsx
  * app.use('*', async (c, next) => {
  *   c.setRenderer((content) => {
  *     return c.html(
  *       <html>
  *         <body>
  *           <p>{content}</p>
  *         </body>
  *       </html>
  *     )
  *   })
  *   await next()
  * })
  * ```
  */
  setRenderer = (renderer) => {
    this.#renderer = renderer;
  };
  /**
  * `.header()` can set headers.
  *
  * @see {@link https://hono.dev/docs/api/context#header}
  *
  * @example
  * ```ts
  * app.get('/welcome', (c) => {
  *   // Set headers
  *   c.header('X-Message', 'Hello!')
  *   c.header('Content-Type', 'text/plain')
  *
  *   // Append multiple headers using the append option (e.g. Vary)
  *   c.header('Vary', 'Accept-Encoding', { append: true })
  *   c.header('Vary', 'User-Agent', { append: true })
  *
  *   return c.body('Thank you for coming')
  * })
  * ```
  */
  header = (name, value, options) => {
    if (this.finalized && !this.#res.bodyUsed) this.#res = createResponseInstance(this.#res.body, this.#res);
    const headers = this.#res ? this.#res.headers : this.#preparedHeaders ??= new Headers();
    if (value === void 0) headers.delete(name);
    else if (options?.append) headers.append(name, value);
    else headers.set(name, value);
  };
  status = (status) => {
    this.#status = status;
  };
  /**
  * `.set()` can set the value specified by the key.
  *
  * @see {@link https://hono.dev/docs/api/context#set-get}
  *
  * @example
  * ```ts
  * app.use('*', async (c, next) => {
  *   c.set('message', 'Hono is hot!!')
  *   await next()
  * })
  * ```
  */
  set = (key, value) => {
    this.#var ??= /* @__PURE__ */ new Map();
    this.#var.set(key, value);
  };
  /**
  * `.get()` can use the value specified by the key.
  *
  * @see {@link https://hono.dev/docs/api/context#set-get}
  *
  * @example
  * ```ts
  * app.get('/', (c) => {
  *   const message = c.get('message')
  *   return c.text(`The message is "${message}"`)
  * })
  * ```
  */
  get = (key) => {
    return this.#var ? this.#var.get(key) : void 0;
  };
  /**
  * `.var` can access the value of a variable.
  *
  * @see {@link https://hono.dev/docs/api/context#var}
  *
  * @example
  * ```ts
  * const result = c.var.client.oneMethod()
  * ```
  */
  get var() {
    if (!this.#var) return {};
    return Object.fromEntries(this.#var);
  }
  #newResponse(data, arg, headers) {
    let responseHeaders = this.#res ? new Headers(this.#res.headers) : this.#preparedHeaders;
    if (typeof arg === "object" && arg.headers) {
      responseHeaders ??= new Headers();
      for (const [key, value] of new Headers(arg.headers)) if (key === "set-cookie") responseHeaders.append(key, value);
      else responseHeaders.set(key, value);
    }
    if (headers) {
      if (!responseHeaders) {
        let count = 0;
        for (const k in headers) if (++count > 1 || typeof headers[k] !== "string") {
          responseHeaders = new Headers();
          break;
        }
      }
      if (responseHeaders) for (const k in headers) {
        const v = headers[k];
        if (typeof v === "string") responseHeaders.set(k, v);
        else {
          responseHeaders.delete(k);
          for (const v2 of v) responseHeaders.append(k, v2);
        }
      }
    }
    const status = typeof arg === "number" ? arg : arg?.status ?? this.#status;
    return createResponseInstance(data, {
      status,
      headers: responseHeaders ?? headers
    });
  }
  newResponse = (...args) => this.#newResponse(...args);
  /**
  * `.body()` can return the HTTP response.
  * You can set headers with `.header()` and set HTTP status code with `.status`.
  * This can also be set in `.text()`, `.json()` and so on.
  *
  * @see {@link https://hono.dev/docs/api/context#body}
  *
  * @example
  * ```ts
  * app.get('/welcome', (c) => {
  *   // Set headers
  *   c.header('X-Message', 'Hello!')
  *   c.header('Content-Type', 'text/plain')
  *   // Set HTTP status code
  *   c.status(201)
  *
  *   // Return the response body
  *   return c.body('Thank you for coming')
  * })
  * ```
  */
  body = (data, arg, headers) => this.#newResponse(data, arg, headers);
  /**
  * `.text()` can render text as `Content-Type:text/plain`.
  *
  * @see {@link https://hono.dev/docs/api/context#text}
  *
  * @example
  * ```ts
  * app.get('/say', (c) => {
  *   return c.text('Hello!')
  * })
  * ```
  */
  text = (text2, arg, headers) => {
    return !this.#preparedHeaders && !this.#status && !arg && !headers && !this.finalized ? new Response(text2) : this.#newResponse(text2, arg, setDefaultContentType(TEXT_PLAIN, headers));
  };
  /**
  * `.json()` can render JSON as `Content-Type:application/json`.
  *
  * @see {@link https://hono.dev/docs/api/context#json}
  *
  * @example
  * ```ts
  * app.get('/api', (c) => {
  *   return c.json({ message: 'Hello!' })
  * })
  * ```
  */
  json = (object, arg, headers) => {
    return this.#newResponse(JSON.stringify(object), arg, setDefaultContentType("application/json", headers));
  };
  html = (html, arg, headers) => {
    const res = (html2) => this.#newResponse(html2, arg, setDefaultContentType("text/html; charset=UTF-8", headers));
    return typeof html === "object" ? resolveCallback(html, HtmlEscapedCallbackPhase.Stringify, false, {}).then(res) : res(html);
  };
  /**
  * `.redirect()` can Redirect, default status code is 302.
  *
  * @see {@link https://hono.dev/docs/api/context#redirect}
  *
  * @example
  * ```ts
  * app.get('/redirect', (c) => {
  *   return c.redirect('/')
  * })
  * app.get('/redirect-permanently', (c) => {
  *   return c.redirect('/', 301)
  * })
  * ```
  */
  redirect = (location, status) => {
    const locationString = String(location);
    this.header("Location", !/[^\x00-\xFF]/.test(locationString) ? locationString : encodeURI(locationString));
    return this.newResponse(null, status ?? 302);
  };
  /**
  * `.notFound()` can return the Not Found Response.
  *
  * @see {@link https://hono.dev/docs/api/context#notfound}
  *
  * @example
  * ```ts
  * app.get('/notfound', (c) => {
  *   return c.notFound()
  * })
  * ```
  */
  notFound = () => {
    this.#notFoundHandler ??= () => createResponseInstance();
    return this.#notFoundHandler(this);
  };
};

// node_modules/hono/dist/compose.js
var compose = (middleware, onError2, onNotFound) => {
  return (context, next) => {
    let index = -1;
    return dispatch(0);
    async function dispatch(i) {
      if (i <= index) throw new Error("next() called multiple times");
      index = i;
      let res;
      let isError = false;
      let handler;
      if (middleware[i]) {
        handler = middleware[i][0][0];
        context.req.routeIndex = i;
      } else handler = i === middleware.length && next || void 0;
      if (handler) try {
        res = await handler(context, () => dispatch(i + 1));
      } catch (err) {
        if (err instanceof Error && onError2) {
          context.error = err;
          res = await onError2(err, context);
          isError = true;
        } else throw err;
      }
      else if (context.finalized === false && onNotFound) res = await onNotFound(context);
      if (res && (context.finalized === false || isError)) context.res = res;
      return context;
    }
  };
};

// node_modules/hono/dist/helper/route/index.js
var matchedRoutes = (c) => c.req[GET_MATCH_RESULT][0].map(([[, route]]) => route);
var routePath = (c, index) => matchedRoutes(c).at(index ?? c.req.routeIndex)?.path ?? "";

// node_modules/hono/dist/router.js
var METHODS = [
  "get",
  "post",
  "put",
  "delete",
  "options",
  "patch",
  "query"
];
var MESSAGE_MATCHER_IS_ALREADY_BUILT = "Can not add a route since the matcher is already built.";
var UnsupportedPathError = class extends Error {
};

// node_modules/hono/dist/utils/constants.js
var COMPOSED_HANDLER = "__COMPOSED_HANDLER";

// node_modules/hono/dist/utils/mount.js
var countTrailingSlashes = (path) => {
  let index = path.length;
  while (index > 0 && path.charCodeAt(index - 1) === 47) index--;
  return path.length - index;
};
var getPathPrefixLength = (c, pathPrefix, routePath2) => {
  if (!/[:*]/.test(pathPrefix)) return pathPrefix.length;
  const path = c.req.path;
  const matchResult = c.req[GET_MATCH_RESULT];
  const paramNames = /* @__PURE__ */ new Set();
  let length = 0;
  for (const part of splitRoutingPath(pathPrefix)) {
    if (part[0] === ":" && part.endsWith("}?")) throw new Error(`mount(): Optional regular expression parameters are not supported in "${routePath2}".`);
    const pattern = getPattern(part);
    if (pattern && pattern !== "*") {
      const name = pattern[1];
      if (paramNames.has(name)) throw new Error(`mount(): Duplicate path parameter "${name}" in "${routePath2}".`);
      paramNames.add(name);
    }
    if (pattern && pattern !== "*" && pattern[2] !== true) {
      const value = matchResult.length === 2 ? matchResult[1][matchResult[0][c.req.routeIndex][1][pattern[1]]] : matchResult[0][c.req.routeIndex][1][pattern[1]];
      length += value.length + 1;
    } else if (pattern || part.endsWith("*")) {
      const end = path.indexOf("/", length + 1);
      length = end === -1 ? path.length : end;
    } else length += part.length + 1;
  }
  return length;
};
var createMountedRequest = (c, pathPrefix, routePath2) => {
  if (/[^/]\*$/.test(routePath2)) throw new Error(`mount(): Wildcard must follow "/" in "${routePath2}".`);
  const prefixLength = getPathPrefixLength(c, pathPrefix, routePath2);
  const path = c.req.path.slice(prefixLength) || "/";
  if (prefixLength > c.req.path.length || path[0] !== "/" || /\/(?:\.|%2e){1,2}(?:\/|$)/i.test(path)) throw new HTTPException(400, { message: "Invalid mounted path" });
  const rawUrl = c.req.raw.url;
  if (/^[^/?#]*\/\/[^/?#\\]*[?#\\]/.test(rawUrl)) throw new HTTPException(400, { message: "Invalid mounted path" });
  const rawPathEnd = rawUrl.search(/[?#]/);
  const rawTrailingSlashes = countTrailingSlashes(rawPathEnd === -1 ? rawUrl : rawUrl.slice(0, rawPathEnd));
  if (rawTrailingSlashes > 1 && countTrailingSlashes(c.req.path) === rawTrailingSlashes - 1) throw new HTTPException(400, { message: "Invalid mounted path" });
  const url = new URL(rawUrl);
  url.pathname = path.replace(/[\\\t\n\r]/g, encodeURIComponent);
  if (path.includes("%")) {
  }
  return new Request(url, c.req.raw);
};

// node_modules/hono/dist/hono-base.js
var notFoundHandler = (c) => {
  return c.text("404 Not Found", 404);
};
var errorHandler = (err, c) => {
  if ("getResponse" in err) {
    const res = err.getResponse();
    return c.newResponse(res.body, res);
  }
  console.error(err);
  return c.text("Internal Server Error", 500);
};
var Hono = class Hono2 {
  get;
  post;
  put;
  delete;
  options;
  patch;
  query;
  all;
  on;
  use;
  router;
  getPath;
  _basePath = "/";
  #path = "/";
  routes = [];
  constructor(options = {}) {
    [...METHODS, "all"].forEach((method) => {
      this[method] = (args1, ...args) => {
        const methodName = method.toUpperCase();
        if (typeof args1 === "string") this.#path = args1;
        else this.#addRoute(methodName, this.#path, args1);
        args.forEach((handler) => {
          this.#addRoute(methodName, this.#path, handler);
        });
        return this;
      };
    });
    this.on = (method, path, ...handlers) => {
      for (const p of [path].flat()) {
        this.#path = p;
        for (const m of [method].flat()) {
          const methodName = m.toUpperCase();
          for (const handler of handlers) this.#addRoute(methodName, this.#path, handler);
        }
      }
      return this;
    };
    this.use = (arg1, ...handlers) => {
      if (typeof arg1 === "string") this.#path = arg1;
      else {
        this.#path = "*";
        handlers.unshift(arg1);
      }
      handlers.forEach((handler) => {
        this.#addRoute("ALL", this.#path, handler);
      });
      return this;
    };
    const { strict, ...optionsWithoutStrict } = options;
    Object.assign(this, optionsWithoutStrict);
    this.getPath = strict ?? true ? options.getPath ?? getPath : getPathNoStrict;
  }
  #clone() {
    const clone = new Hono2({
      router: this.router,
      getPath: this.getPath
    });
    clone.errorHandler = this.errorHandler;
    clone.#notFoundHandler = this.#notFoundHandler;
    clone.routes = this.routes;
    return clone;
  }
  #notFoundHandler = notFoundHandler;
  errorHandler = errorHandler;
  /**
  * `.route()` allows grouping other Hono instance in routes.
  *
  * @see {@link https://hono.dev/docs/api/routing#grouping}
  *
  * @param {string} path - base Path
  * @param {Hono} app - other Hono instance
  * @returns {Hono} routed Hono instance
  *
  * @example
  * ```ts
  * const app = new Hono()
  * const app2 = new Hono()
  *
  * app2.get("/user", (c) => c.text("user"))
  * app.route("/api", app2) // GET /api/user
  * ```
  */
  route(path, app) {
    const subApp = this.basePath(path);
    app.routes.map((r) => {
      let handler;
      if (app.errorHandler === errorHandler) handler = r.handler;
      else {
        handler = async (c, next) => (await compose([], app.errorHandler)(c, () => r.handler(c, next))).res;
        handler[COMPOSED_HANDLER] = r.handler;
      }
      subApp.#addRoute(r.method, r.path, handler, r.basePath);
    });
    return this;
  }
  /**
  * `.basePath()` allows base paths to be specified.
  *
  * @see {@link https://hono.dev/docs/api/routing#base-path}
  *
  * @param {string} path - base Path
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * const api = new Hono().basePath('/api')
  * ```
  */
  basePath(path) {
    const subApp = this.#clone();
    subApp._basePath = mergePath(this._basePath, path);
    return subApp;
  }
  /**
  * `.onError()` handles an error and returns a customized Response.
  *
  * @see {@link https://hono.dev/docs/api/hono#error-handling}
  *
  * @param {ErrorHandler} handler - request Handler for error
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * app.onError((err, c) => {
  *   console.error(`${err}`)
  *   return c.text('Custom Error Message', 500)
  * })
  * ```
  */
  onError = (handler) => {
    this.errorHandler = handler;
    return this;
  };
  /**
  * `.notFound()` allows you to customize a Not Found Response.
  *
  * @see {@link https://hono.dev/docs/api/hono#not-found}
  *
  * @param {NotFoundHandler} handler - request handler for not-found
  * @returns {Hono} changed Hono instance
  *
  * @example
  * ```ts
  * app.notFound((c) => {
  *   return c.text('Custom 404 Message', 404)
  * })
  * ```
  */
  notFound = (handler) => {
    this.#notFoundHandler = handler;
    return this;
  };
  /**
  * `.mount()` allows you to mount applications built with other frameworks into your Hono application.
  *
  * @deprecated Use `mount()` from `hono/mount` instead. `.mount()` will be removed in v5.
  *
  * @see {@link https://hono.dev/docs/api/hono#mount}
  *
  * @param {string} path - base Path
  * @param {Function} applicationHandler - other Request Handler
  * @param {MountOptions} [options] - options of `.mount()`
  * @returns {Hono} mounted Hono instance
  * @throws {Error} If automatic request rewriting encounters duplicate path parameter names or an optional regular expression parameter.
  * @throws {HTTPException} With status 400 if automatic request rewriting cannot safely preserve the routed path.
  *
  * @example
  * ```ts
  * import { Router as IttyRouter } from 'itty-router'
  * import { Hono } from 'hono'
  * // Create itty-router application
  * const ittyRouter = IttyRouter()
  * // GET /itty-router/hello
  * ittyRouter.get('/hello', () => new Response('Hello from itty-router'))
  *
  * const app = new Hono()
  * app.mount('/itty-router', ittyRouter.handle)
  * ```
  *
  * @example
  * ```ts
  * const app = new Hono()
  * // Send the request to another application without modification.
  * app.mount('/app', anotherApp, {
  *   replaceRequest: (req) => req,
  * })
  * ```
  */
  mount(path, applicationHandler, options) {
    let replaceRequest;
    let optionHandler;
    if (options) {
      if (typeof options === "function") optionHandler = options;
      else {
        optionHandler = options.optionHandler;
        if (options.replaceRequest === false) replaceRequest = (request) => request;
        else replaceRequest = options.replaceRequest;
      }
    }
    const getOptions = optionHandler ? (c) => {
      const options2 = optionHandler(c);
      return Array.isArray(options2) ? options2 : [options2];
    } : (c) => {
      let executionContext = void 0;
      try {
        executionContext = c.executionCtx;
      } catch {
      }
      return [c.env, executionContext];
    };
    const defaultReplaceRequest = (c) => {
      const mountedRoutePath = routePath(c);
      return createMountedRequest(c, mountedRoutePath.replace(/\/?\*$/, ""), mountedRoutePath);
    };
    const handler = async (c, next) => {
      const res = await applicationHandler(replaceRequest ? replaceRequest(c.req.raw) : defaultReplaceRequest(c), ...getOptions(c));
      if (res) return res;
      await next();
    };
    this.#addRoute("ALL", mergePath(path, "*"), handler);
    return this;
  }
  #addRoute(method, path, handler, baseRoutePath) {
    path = mergePath(this._basePath, path);
    const r = {
      basePath: baseRoutePath !== void 0 ? mergePath(this._basePath, baseRoutePath) : this._basePath,
      path,
      method,
      handler
    };
    this.router.add(method, path, [handler, r]);
    this.routes.push(r);
  }
  #handleError(err, c) {
    if (err instanceof Error) return this.errorHandler(err, c);
    throw err;
  }
  #dispatch(request, executionCtx, env, method) {
    if (method === "HEAD") return (async () => new Response(null, await this.#dispatch(request, executionCtx, env, "GET")))();
    const path = this.getPath(request, { env });
    const matchResult = this.router.match(method, path);
    const c = new Context(request, {
      path,
      matchResult,
      env,
      executionCtx,
      notFoundHandler: this.#notFoundHandler
    });
    if (matchResult[0].length === 1) {
      let res;
      try {
        res = matchResult[0][0][0][0](c, async () => {
          c.res = await this.#notFoundHandler(c);
        });
      } catch (err) {
        return this.#handleError(err, c);
      }
      return res instanceof Promise ? res.then((resolved) => resolved || (c.finalized ? c.res : this.#notFoundHandler(c))).catch((err) => this.#handleError(err, c)) : res ?? this.#notFoundHandler(c);
    }
    const composed = compose(matchResult[0], this.errorHandler, this.#notFoundHandler);
    return (async () => {
      try {
        const context = await composed(c);
        if (!context.finalized) throw new Error("Context is not finalized. Did you forget to return a Response object or `await next()`?");
        return context.res;
      } catch (err) {
        return this.#handleError(err, c);
      }
    })();
  }
  /**
  * `.fetch()` will be entry point of your app.
  *
  * @see {@link https://hono.dev/docs/api/hono#fetch}
  *
  * @param {Request} request - request Object of request
  * @param {Env} env - env Object
  * @param {ExecutionContext} executionCtx - context of execution
  * @returns {Response | Promise<Response>} response of request
  *
  */
  fetch = (request, ...rest) => {
    return this.#dispatch(request, rest[1], rest[0], request.method);
  };
  /**
  * `.request()` is a useful method for testing.
  * You can pass a URL or pathname to send a GET request.
  * app will return a Response object.
  * ```ts
  * test('GET /hello is ok', async () => {
  *   const res = await app.request('/hello')
  *   expect(res.status).toBe(200)
  * })
  * ```
  * @see https://hono.dev/docs/api/hono#request
  */
  request = (input, requestInit, Env, executionCtx) => {
    if (input instanceof Request) return this.fetch(requestInit ? new Request(input, requestInit) : input, Env, executionCtx);
    input = input.toString();
    return this.fetch(new Request(/^https?:\/\//.test(input) ? input : `http://localhost${mergePath("/", input)}`, requestInit), Env, executionCtx);
  };
  /**
  * `.fire()` automatically adds a global fetch event listener.
  * This can be useful for environments that adhere to the Service Worker API, such as non-ES module Cloudflare Workers.
  * @deprecated
  * Use `fire` from `hono/service-worker` instead.
  * ```ts
  * import { Hono } from 'hono'
  * import { fire } from 'hono/service-worker'
  *
  * const app = new Hono()
  * // ...
  * fire(app)
  * ```
  * @see https://hono.dev/docs/api/hono#fire
  * @see https://developer.mozilla.org/en-US/docs/Web/API/Service_Worker_API
  * @see https://developers.cloudflare.com/workers/reference/migrate-to-module-workers/
  */
  fire = () => {
    addEventListener("fetch", (event) => {
      event.respondWith(this.#dispatch(event.request, event, void 0, event.request.method));
    });
  };
};

// node_modules/hono/dist/router/utils.js
var createNullObject = () => /* @__PURE__ */ Object.create(null);

// node_modules/hono/dist/router/reg-exp-router/matcher.js
var emptyParam = [];
function match(method, path) {
  const matchers = this.buildAllMatchers();
  const match2 = ((method2, path2) => {
    const matcher = matchers[method2] || matchers["ALL"];
    const staticMatch = matcher[2][path2];
    if (staticMatch) return staticMatch;
    const match3 = path2.match(matcher[0]);
    if (!match3) return [[], emptyParam];
    const index = match3.indexOf("", 1);
    return [matcher[1][index], match3];
  });
  this.match = match2;
  return match2(method, path);
}

// node_modules/hono/dist/router/reg-exp-router/node.js
var LABEL_REG_EXP_STR = "[^/]+";
var ONLY_WILDCARD_REG_EXP_STR = "[^]*";
var TAIL_WILDCARD_REG_EXP_STR = "(?:|/[^]*)";
var PATH_ERROR = /* @__PURE__ */ Symbol();
var regExpMetaChars = /* @__PURE__ */ new Set(".\\+*[^]$()");
function compareKey(a, b) {
  if (a.length === 1) return b.length === 1 ? a < b ? -1 : 1 : -1;
  if (b.length === 1) return 1;
  if (a === "[^]*" || a === "(?:|/[^]*)") return b === "[^]*" ? -1 : 1;
  else if (b === "[^]*" || b === "(?:|/[^]*)") return -1;
  if (a === "[^/]+") return 1;
  else if (b === "[^/]+") return -1;
  return a.length === b.length ? a < b ? -1 : 1 : b.length - a.length;
}
var Node = class Node2 {
  #index;
  #varIndex;
  #children = createNullObject();
  insert(tokens, index, paramMap, context, keys) {
    let node = this;
    for (let i = 0, len = tokens.length; i < len; i++) {
      const token = tokens[i];
      const pattern = token.length === 1 ? token === "*" ? i === len - 1 ? [
        "",
        "",
        ONLY_WILDCARD_REG_EXP_STR
      ] : [
        "",
        "",
        LABEL_REG_EXP_STR
      ] : null : token === "/*" ? [
        "",
        "",
        TAIL_WILDCARD_REG_EXP_STR
      ] : token.match(/^\:([^\{\}]+)(?:\{(.+)\})?$/);
      let nextNode;
      if (pattern) {
        const name = pattern[1];
        let regexpStr = pattern[2] || "[^/]+";
        if (name && pattern[2]) {
          if (new RegExp(regexpStr).test("")) throw PATH_ERROR;
          regexpStr = regexpStr.replace(/^\((?!\?:)(?=[^)]+\)$)/, "(?:");
          if (/\((?!\?:)/.test(regexpStr)) throw PATH_ERROR;
          if (regexpStr.length === 1 && regExpMetaChars.has(regexpStr)) throw PATH_ERROR;
        }
        keys.push(regexpStr);
        nextNode = node.#children[regexpStr];
        if (!nextNode) {
          if (regexpStr !== "[^]*" && regexpStr !== "(?:|/[^]*)") {
            for (const k in node.#children) if ((regexpStr.length > 1 || k.length > 1) && k !== "[^]*" && k !== "(?:|/[^]*)") throw PATH_ERROR;
          }
          nextNode = node.#children[regexpStr] = new Node2();
        }
        if (name !== "") {
          nextNode.#varIndex ??= context.varIndex++;
          paramMap.push([name, nextNode.#varIndex]);
        }
      } else {
        keys.push(token);
        nextNode = node.#children[token];
        if (!nextNode) {
          for (const k in node.#children) if (k.length > 1 && k !== "[^]*" && k !== "(?:|/[^]*)") throw PATH_ERROR;
          nextNode = node.#children[token] = new Node2();
        }
      }
      node = nextNode;
    }
    if (node.#index !== void 0) throw PATH_ERROR;
    node.#index = index;
  }
  buildRegExpStr() {
    const strList = Object.keys(this.#children).sort(compareKey).map((k) => {
      const c = this.#children[k];
      const childStr = c.buildRegExpStr();
      return childStr === "" ? "" : (typeof c.#varIndex === "number" ? `(${k})@${c.#varIndex}` : regExpMetaChars.has(k) ? `\\${k}` : k) + childStr;
    }).filter(Boolean);
    if (typeof this.#index === "number" && this.#index !== -1) strList.unshift(`#${this.#index}`);
    if (strList.length === 0) return "";
    if (strList.length === 1) return strList[0];
    return "(?:" + strList.join("|") + ")";
  }
};

// node_modules/hono/dist/router/reg-exp-router/trie.js
var Trie = class {
  #context = { varIndex: 0 };
  #root = new Node();
  #index = 0;
  paths = createNullObject();
  insert(path, isStatic) {
    const keys = [];
    if (isStatic) {
      this.#root.insert(path.split(""), -1, [], this.#context, keys);
      this.paths[path] = [
        -1,
        [],
        keys
      ];
      return;
    }
    const paramAssoc = [];
    const groups = [];
    let markedPath = path;
    for (let i = 0; ; ) {
      let replaced = false;
      markedPath = markedPath.replace(/\{(?:\{[\d,]+\}|[^}])+\}/g, (m) => {
        const mark = `@\\${i}`;
        groups[i] = [mark, m];
        i++;
        replaced = true;
        return mark;
      });
      if (!replaced) break;
    }
    const tokens = markedPath.match(/(?::[^\/]+)|(?:\/\*$)|./gs) || [];
    for (let i = groups.length - 1; i >= 0; i--) {
      const [mark] = groups[i];
      for (let j = tokens.length - 1; j >= 0; j--) if (tokens[j].indexOf(mark) !== -1) {
        tokens[j] = tokens[j].replace(mark, groups[i][1]);
        break;
      }
    }
    this.#root.insert(tokens, this.#index, paramAssoc, this.#context, keys);
    this.paths[path] = [
      this.#index++,
      paramAssoc,
      keys
    ];
  }
  buildRegExp() {
    let regexp = this.#root.buildRegExpStr();
    if (regexp === "") return [
      /^$/,
      [],
      []
    ];
    let captureIndex = 0;
    const indexReplacementMap = [];
    const paramReplacementMap = [];
    regexp = regexp.replace(/#(\d+)|@(\d+)|\.\*\$/g, (_, handlerIndex, paramIndex) => {
      if (handlerIndex !== void 0) {
        indexReplacementMap[++captureIndex] = Number(handlerIndex);
        return "$()";
      }
      if (paramIndex !== void 0) {
        paramReplacementMap[Number(paramIndex)] = ++captureIndex;
        return "";
      }
      return "";
    });
    return [
      new RegExp(`^${regexp}`),
      indexReplacementMap,
      paramReplacementMap
    ];
  }
};

// node_modules/hono/dist/router/reg-exp-router/router.js
function endsWithWildcard(keys) {
  const tail = keys[keys.length - 1];
  return tail === "[^]*" || tail === "(?:|/[^]*)";
}
function covers(wildcard, target) {
  const last = wildcard.length - 1;
  for (let i = 0; i < last; i++) if (wildcard[i] !== target[i]) return false;
  return wildcard[last] === "[^]*" || target.length === last || target[last] === "/";
}
var RegExpRouter = class {
  name = "RegExpRouter";
  #handlers;
  #tries;
  constructor() {
    this.#handlers = { ["ALL"]: [] };
    this.#tries = { ["ALL"]: new Trie() };
  }
  #insertPath(method, path) {
    try {
      this.#tries[method].insert(path, !/\*|\/:/.test(path));
    } catch (e) {
      throw e === PATH_ERROR ? new UnsupportedPathError(path) : e;
    }
  }
  add(method, path, handler) {
    const handlers = this.#handlers;
    if (!handlers) throw new Error(MESSAGE_MATCHER_IS_ALREADY_BUILT);
    const tries = this.#tries;
    if (!handlers[method]) {
      tries[method] = new Trie();
      handlers[method] = [...handlers["ALL"]];
      for (const p in tries["ALL"].paths) this.#insertPath(method, p);
    }
    if (path === "/*") path = "*";
    const methods = method === "ALL" ? Object.keys(handlers) : [method];
    const paths = checkOptionalParameter(path) || [path];
    for (const path2 of paths) for (const m of methods) {
      if (!tries[m].paths[path2]) this.#insertPath(m, path2);
      handlers[m].push([handler, path2]);
    }
  }
  match = match;
  buildAllMatchers() {
    const matchers = createNullObject();
    for (const method of Object.keys(this.#handlers)) matchers[method] = this.#buildMatcher(method);
    this.#handlers = this.#tries = void 0;
    return matchers;
  }
  #buildMatcher(method) {
    const handlers = this.#handlers[method];
    const trie = this.#tries[method];
    const staticMap = createNullObject();
    const handlerData = [];
    const [regexp, indexReplacementMap, paramReplacementMap] = trie.buildRegExp();
    const own = createNullObject();
    const entries = handlers.map(([h, p], i) => {
      (own[p] ??= []).push(i);
      return [h, trie.paths[p][1].reduceRight((map, [key, varIndex]) => {
        map[key] = paramReplacementMap[varIndex];
        return map;
      }, createNullObject())];
    });
    const wildcards = Object.keys(own).filter((p) => endsWithWildcard(trie.paths[p][2]));
    for (const path in trie.paths) {
      const [index, , keys] = trie.paths[path];
      const indexes = [...own[path]];
      for (const p of wildcards) if (p !== path && covers(trie.paths[p][2], keys)) indexes.push(...own[p]);
      const data = indexes.sort((a, b) => a - b).map((i) => entries[i]);
      if (index === -1) {
        const last = Math.max(-1, ...data.flatMap(([, map]) => Object.values(map)));
        staticMap[path] = [data, last === -1 ? emptyParam : path.match(regexp).slice(0, last + 1)];
      } else handlerData[index] = data;
    }
    return [
      regexp,
      indexReplacementMap.map((i) => handlerData[i]),
      staticMap
    ];
  }
};

// node_modules/hono/dist/router/smart-router/router.js
var SmartRouter = class {
  name = "SmartRouter";
  #routers = [];
  #routes = [];
  constructor(init) {
    this.#routers = init.routers;
  }
  add(method, path, handler) {
    if (!this.#routes) throw new Error(MESSAGE_MATCHER_IS_ALREADY_BUILT);
    this.#routes.push([
      method,
      path,
      handler
    ]);
  }
  match(method, path) {
    if (!this.#routes) throw new Error("Fatal error");
    const routers = this.#routers;
    const routes = this.#routes;
    const len = routers.length;
    let i = 0;
    let res;
    for (; i < len; i++) {
      const router = routers[i];
      try {
        for (let i2 = 0, len2 = routes.length; i2 < len2; i2++) router.add(...routes[i2]);
        res = router.match(method, path);
      } catch (e) {
        if (e instanceof UnsupportedPathError) continue;
        throw e;
      }
      this.match = router.match.bind(router);
      this.#routers = [router];
      this.#routes = void 0;
      break;
    }
    if (i === len) throw new Error("Fatal error");
    this.name = `SmartRouter + ${this.activeRouter.name}`;
    return res;
  }
  get activeRouter() {
    if (this.#routes || this.#routers.length !== 1) throw new Error("No active router has been determined yet.");
    return this.#routers[0];
  }
};

// node_modules/hono/dist/router/trie-router/node.js
var emptyParams = createNullObject();
var order = 0;
var Node3 = class Node4 {
  #methods = [];
  #children = createNullObject();
  #patterns = [];
  #pattern;
  #params = emptyParams;
  insert(method, path, handler) {
    let curNode = this;
    const parts = splitRoutingPath(path);
    const possibleKeys = /* @__PURE__ */ new Set();
    let i = 0;
    for (const p of parts) {
      const nextP = parts[++i];
      const pattern = getPattern(p, nextP) || (nextP === void 0 && p && p.indexOf("*") === p.length - 1 ? p : null);
      const isParam = Array.isArray(pattern);
      const key = isParam ? pattern[0] : pattern || p;
      const child = curNode.#children[key] ||= new Node4();
      if (pattern && !child.#pattern) {
        child.#pattern = pattern;
        curNode.#patterns.push(child);
      }
      curNode = child;
      if (isParam) possibleKeys.add(pattern[1]);
    }
    curNode.#methods.push({ [method]: {
      handler,
      possibleKeys: [...possibleKeys],
      score: ++order
    } });
  }
  #pushHandlerSets(handlerSets, node, method, nodeParams, params) {
    for (let i = 0, len = node.#methods.length; i < len; i++) {
      const m = node.#methods[i];
      const handlerSet = m[method] || m["ALL"];
      if (handlerSet) {
        handlerSet.params = createNullObject();
        handlerSets.push(handlerSet);
        for (let i2 = 0, len2 = handlerSet.possibleKeys.length; i2 < len2; i2++) {
          const key = handlerSet.possibleKeys[i2];
          handlerSet.params[key] = params?.[key] && !i2 ? params[key] : nodeParams[key] ?? params?.[key];
        }
      }
    }
  }
  search(method, path) {
    const handlerSets = [];
    this.#params = emptyParams;
    let curNodes = [this];
    const parts = splitPath(path);
    const curNodesQueue = [];
    const len = parts.length;
    let partOffsets = null;
    for (let i = 0; i < len; i++) {
      const part = parts[i];
      const isLast = i === len - 1;
      const tempNodes = [];
      for (let j = 0, len2 = curNodes.length; j < len2; j++) {
        const node = curNodes[j];
        const nextNode = node.#children[part];
        if (nextNode) {
          nextNode.#params = node.#params;
          if (isLast) {
            if (nextNode.#children["*"]) this.#pushHandlerSets(handlerSets, nextNode.#children["*"], method, node.#params);
            this.#pushHandlerSets(handlerSets, nextNode, method, node.#params);
          } else tempNodes.push(nextNode);
        }
        for (const child of node.#patterns) {
          const pattern = child.#pattern;
          const params = node.#params === emptyParams ? {} : { ...node.#params };
          if (typeof pattern === "string") {
            if (pattern === "*" || part.startsWith(pattern.slice(0, -1))) {
              this.#pushHandlerSets(handlerSets, child, method, node.#params);
              if (pattern === "*") {
                child.#params = params;
                tempNodes.push(child);
              }
            }
            continue;
          }
          const [, name, matcher] = pattern;
          if (!part && matcher === true) continue;
          if (matcher !== true) {
            if (!partOffsets) {
              partOffsets = [];
              let offset = path[0] === "/" ? 1 : 0;
              for (let p = 0; p < len; p++) {
                partOffsets[p] = offset;
                offset += parts[p].length + 1;
              }
            }
            const restPathString = path.slice(partOffsets[i]);
            const m = matcher.exec(restPathString);
            if (m) {
              if (!Object.hasOwn(params, name)) params[name] = m[0];
              this.#pushHandlerSets(handlerSets, child, method, node.#params, params);
              if (m[0].length === restPathString.length && child.#children["*"]) this.#pushHandlerSets(handlerSets, child.#children["*"], method, node.#params, params);
              for (const _ in child.#children) {
                child.#params = params;
                const componentCount = m[0].match(/\//g)?.length ?? 0;
                (curNodesQueue[componentCount] ||= []).push(child);
                break;
              }
              continue;
            }
          }
          if (matcher === true || matcher.test(part)) {
            if (!Object.hasOwn(params, name)) params[name] = part;
            if (isLast) {
              this.#pushHandlerSets(handlerSets, child, method, params, node.#params);
              if (child.#children["*"]) this.#pushHandlerSets(handlerSets, child.#children["*"], method, params, node.#params);
            } else {
              child.#params = params;
              tempNodes.push(child);
            }
          }
        }
      }
      const shifted = curNodesQueue.shift();
      curNodes = shifted ? tempNodes.concat(shifted) : tempNodes;
    }
    if (handlerSets[1]) handlerSets.sort((a, b) => {
      return a.score - b.score;
    });
    return [handlerSets.map(({ handler, params }) => [handler, params])];
  }
};

// node_modules/hono/dist/router/trie-router/router.js
var TrieRouter = class {
  name = "TrieRouter";
  #node = new Node3();
  add(method, path, handler) {
    for (const result of checkOptionalParameter(path) || [path]) this.#node.insert(method, result, handler);
  }
  match(method, path) {
    return this.#node.search(method, path);
  }
};

// node_modules/hono/dist/hono.js
var Hono3 = class extends Hono {
  /**
  * Creates an instance of the Hono class.
  *
  * @param options - Optional configuration options for the Hono instance.
  */
  constructor(options = {}) {
    super(options);
    this.router = options.router ?? new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });
  }
};

// node_modules/ws/wrapper.mjs
var import_stream = __toESM(require_stream(), 1);
var import_extension = __toESM(require_extension(), 1);
var import_permessage_deflate = __toESM(require_permessage_deflate(), 1);
var import_receiver = __toESM(require_receiver(), 1);
var import_sender = __toESM(require_sender(), 1);
var import_subprotocol = __toESM(require_subprotocol(), 1);
var import_websocket = __toESM(require_websocket(), 1);
var import_websocket_server = __toESM(require_websocket_server(), 1);

// api/live/live-hub.ts
var import_rate_limiter_flexible = __toESM(require_rate_limiter_flexible(), 1);

// api/live/access.ts
var capabilityHolders = {
  watch: ["owner", "admin", "super-user", "user", "installer", "anonymous"],
  export: ["owner", "admin", "super-user", "user", "installer"],
  cloud: ["owner", "admin", "super-user", "user", "installer"],
  drive: ["owner", "admin", "installer"],
  time: ["owner", "admin", "installer"]
};
var capabilityWords = {
  watch: "watch the live twin",
  export: "export the session",
  cloud: "act on the cloud",
  drive: "drive people and faults",
  time: "control time"
};
var timeActions = /* @__PURE__ */ new Set(["pause", "resume", "speed", "step", "advance", "load-timeline"]);
var cloudActions = /* @__PURE__ */ new Set(["remote-open", "office-mode", "admin"]);
function capabilityOf(command) {
  if (command.action === "state-at") return command.source === "loaded" ? "time" : "watch";
  if (command.action === "export") return "export";
  if (timeActions.has(command.action)) return "time";
  if (cloudActions.has(command.action)) return "cloud";
  return "drive";
}
function refusalOfAccess(principal, capability, state) {
  const holders = capabilityHolders[capability];
  if (principal.kind === "anonymous")
    return holders.includes("anonymous") ? void 0 : refusal(
      1500,
      `${errorTable[1500].message} (anonymous connections only watch: send a token to ${capabilityWords[capability]})`
    );
  const user = state.users.get(principal.userId);
  if (user === void 0)
    return refusal(1500, `${errorTable[1500].message} (the token's user no longer exists)`);
  const installerRetired = user.role === "installer" && state.site.released && capability !== "watch";
  if (holders.includes(user.role) && !installerRetired) return void 0;
  return refusal(
    2203,
    `${errorTable[2203].message} (a user with the role ${user.role} cannot ${capabilityWords[capability]})`
  );
}

// api/live/timeline.ts
var replayDays = protocolLimits.replayMsMax / 864e5;
var failureTimelineSchema = failureFileSchema.pick({ format: true, invariant: true, site: true, seed: true, defects: true, inputs: true }).partial({ invariant: true, defects: true });
function scenarioOfFailure(file) {
  const lastMs = file.inputs.reduce((latest, timed) => Math.max(latest, timed.atMs), 0);
  return {
    name: `failure-${file.invariant ?? "case"}-seed${file.seed}`,
    site: file.site,
    seed: file.seed,
    inputs: file.inputs.map(({ atMs, input }) => ({ at: atMs, ...input })),
    defects: file.defects ?? [],
    until: lastMs + scenarioTailMs
  };
}
function loadTimeline(slot, command) {
  let json2 = command.file;
  if (command.file.format !== void 0) {
    const failure = failureTimelineSchema.safeParse(command.file, parseOptions);
    if (!failure.success) return badMessage(failure.error, "command.file");
    json2 = scenarioOfFailure(failure.data);
  } else if (!("site" in command.file))
    return badField(
      "command.file.site",
      'is required: a scenario file names its site (a failure file has "format": "lockstep-failure/1")'
    );
  const parsed = parseScenario(json2);
  if (!parsed.ok) return badSpec(parsed.errors, "command.file", "is not a scenario");
  const durationMs = scenarioUntilMs(parsed.value, {});
  if (durationMs > protocolLimits.replayMsMax)
    return badField(
      "command.file.until",
      `the timeline lasts ${durationMs} ms; state-at replays at most ${replayDays} virtual days`
    );
  slot.loaded = { file: json2, durationMs };
  return accepted({ name: parsed.value.name, durationMs });
}
async function stateAt(live, slot, command, replay = replayInPlace) {
  let file;
  let endMs;
  if (command.source === "loaded") {
    if (slot.loaded === void 0)
      return badField("command.source", "no timeline loaded on this connection (send load-timeline first)");
    file = slot.loaded.file;
    endMs = slot.loaded.durationMs;
  } else {
    endMs = live.twin.clock.now();
    if (endMs > protocolLimits.replayMsMax)
      return badField(
        "command.source",
        `the session is ${endMs} ms long; state-at replays at most ${replayDays} virtual days`
      );
    file = live.exportScenario();
  }
  if (command.ms > endMs) return badField("command.ms", `is past the timeline's end (${endMs} ms)`);
  return replay({ file, ms: command.ms });
}

// api/live/commands.ts
var advanceWallMsMax = 1e4;
async function executeCommand(live, command, context) {
  try {
    if (isControlAction(command.action)) {
      const parsed = controlCommandSchema.safeParse(command, parseOptions);
      if (!parsed.success) return badMessage(parsed.error, "command");
      return await executeControl(live, parsed.data, context);
    }
    if (isInputAction(command.action)) {
      const schema = inputCommandSchemas.get(command.action);
      const parsed = schema?.safeParse(command, parseOptions);
      if (parsed?.success !== true)
        return parsed === void 0 ? badField("command.action", `unknown action "${command.action.slice(0, 100)}"`) : badMessage(parsed.error, "command");
      const { action, ...fields } = parsed.data;
      return applyInput(live, { type: action, ...fields });
    }
    return badField(
      "command.action",
      `unknown action "${command.action.slice(0, 100)}" (known: ${[...knownActions()].join(", ")})`
    );
  } catch (error) {
    return refusalOfError(error);
  }
}
function knownActions() {
  return [
    ...controlCommandSchema.options.map((option) => option.shape.action.value),
    ...inputCommandSchemas.keys()
  ].sort();
}
async function executeControl(live, command, context) {
  const timeline = context.timeline ?? { loaded: void 0 };
  switch (command.action) {
    case "state-at":
      return stateAt(live, timeline, command, context.replay ?? replayInPlace);
    case "load-timeline":
      return loadTimeline(timeline, command);
    case "pause":
      live.pause();
      return accepted(live.status());
    case "resume":
      live.resume();
      return accepted(live.status());
    case "speed":
      live.setSpeed(command.x);
      return accepted(live.status());
    case "step":
    case "advance":
      return advance(live, command.ms);
    case "export":
      return accepted(live.exportScenario());
    case "remote-open":
    case "office-mode":
      return lockCommand(live, command, context.actorId);
    case "admin":
      return applyInput(live, {
        type: "admin",
        actor: context.actorId,
        action: command.op,
        args: command.args,
        ...command.label === void 0 ? {} : { label: command.label }
      });
  }
}
async function advance(live, durationMs) {
  const startMs = live.twin.clock.now();
  const done = await live.advanceSliced(durationMs, advanceWallMsMax);
  if (done) return accepted(live.status());
  const ranMs = live.twin.clock.now() - startMs;
  return refusal(
    "too-long",
    `advanced ${ranMs} of ${durationMs} ms in ${advanceWallMsMax / 1e3} s of wall time; the twin stays at ${live.twin.clock.now()} ms`
  );
}
function lockCommand(live, command, actorId) {
  if (!live.spec.locks.some((lock) => lock.id === command.lock))
    return refusal(
      "unknown-device",
      `command.lock: no lock "${command.lock}" in site ${live.spec.name}`,
      "command.lock"
    );
  const state = command.action === "remote-open" ? "unlocked" : command.on ? "office_mode" : "locked";
  const outcome = live.lockCommand(actorId, command.lock, state);
  if (!outcome.issued) return cloudRefusal(outcome.code);
  return accepted({ appliedAtMs: live.twin.clock.now(), command: remoteCommandView(outcome.command) });
}
function remoteCommandView(command) {
  return {
    id: command.id,
    kind: command.kind,
    lockId: command.lockId,
    userId: command.userId,
    issuedMs: command.issuedMs,
    status: command.status
  };
}
function applyInput(live, candidate) {
  const parsed = twinInputSchema.safeParse(candidate, parseOptions);
  if (!parsed.success) return badMessage(parsed.error, "command");
  const input = parsed.data;
  const missing = checkDeviceReferences(input, live.spec);
  const first = missing[0];
  if (first !== void 0)
    return refusal(
      "unknown-device",
      missing.map((error) => `command.${error.path}: ${error.message}`).join("; "),
      `command.${first.path}`
    );
  const { atMs: appliedAtMs, outcome } = live.apply(input);
  switch (outcome.kind) {
    case "applied":
      return accepted({ appliedAtMs });
    case "admin-refused":
      return cloudRefusal(outcome.code);
    case "admin-accepted":
      return accepted({ appliedAtMs, action: outcome.action, settled: true });
    case "admin-pending":
      return accepted({ appliedAtMs, action: outcome.action, settled: outcome.outcome.settled });
  }
}

// api/live/device-states.ts
var DeviceStates = class {
  constructor(live, onDelta, onFault = () => {
  }) {
    this.live = live;
    this.onDelta = onDelta;
    this.onFault = onFault;
    for (const lock of live.spec.locks) {
      const locks = this.locksOfIq.get(lock.iq) ?? [];
      locks.push(lock.id);
      this.locksOfIq.set(lock.iq, locks);
    }
    const twin = live.twin;
    for (const lock of live.spec.locks)
      this.subscriptions.push(
        twin.onDeviceChange(lock.id, () => this.guard(() => this.lockChanged(lock.id)))
      );
    for (const iq of live.spec.iqs)
      this.subscriptions.push(twin.onDeviceChange(iq.id, () => this.guard(() => this.iqChanged(iq.id))));
    for (const repeater of live.spec.repeaters)
      this.subscriptions.push(
        twin.onDeviceChange(repeater.id, () => this.guard(() => this.repeaterChanged(repeater.id)))
      );
  }
  live;
  onDelta;
  onFault;
  /** The JSON of each entry as last told, by `collection:id`. */
  told = /* @__PURE__ */ new Map();
  /** Each lock's `online` as last seen (the IQ's view, which changes with the IQ's state, not the lock's). */
  onlineSeen = /* @__PURE__ */ new Map();
  locksOfIq = /* @__PURE__ */ new Map();
  subscriptions = [];
  active = false;
  stale = true;
  /** Starts or stops telling changes; starting after a pause first takes in the current state, untold. */
  setActive(active) {
    if (active && this.stale) this.rebuild();
    this.active = active;
  }
  /** Tells an alert-list change, if any (after new entries, and now and then for changes made outside the kernel). */
  checkAlerts() {
    if (!this.active) return;
    this.guard(() => {
      const alerts = this.live.alerts();
      if (this.remember("alerts:alerts", alerts))
        this.onDelta({ collection: "alerts", device: "alerts", state: { alerts } });
    });
  }
  close() {
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe();
    this.active = false;
  }
  rebuild() {
    this.told.clear();
    const snapshot = this.live.snapshot();
    for (const lock of snapshot.locks) {
      this.told.set(`locks:${lock.id}`, JSON.stringify(lock));
      this.onlineSeen.set(lock.id, lock.online);
    }
    for (const iq of snapshot.iqs) this.told.set(`iqs:${iq.id}`, JSON.stringify(iq));
    for (const repeater of snapshot.repeaters)
      this.told.set(`repeaters:${repeater.id}`, JSON.stringify(repeater));
    this.told.set("alerts:alerts", JSON.stringify(snapshot.alerts));
    this.stale = false;
  }
  /** Whether `state` differs from what was last told under `key` (and remembers it). */
  remember(key, state) {
    const json2 = JSON.stringify(state);
    if (this.told.get(key) === json2) return false;
    this.told.set(key, json2);
    return true;
  }
  lockChanged(lockId2) {
    if (!this.telling()) return;
    const state = this.live.lockState(lockId2);
    this.onlineSeen.set(lockId2, state.online);
    if (this.remember(`locks:${lockId2}`, state)) this.onDelta({ collection: "locks", device: lockId2, state });
  }
  iqChanged(iqId) {
    if (!this.telling()) return;
    const state = this.live.iqState(iqId);
    if (this.remember(`iqs:${iqId}`, state)) this.onDelta({ collection: "iqs", device: iqId, state });
    for (const lockId2 of this.locksOfIq.get(iqId) ?? []) {
      if (this.live.twin.lockOnline(lockId2) !== this.onlineSeen.get(lockId2)) this.lockChanged(lockId2);
    }
  }
  repeaterChanged(repeaterId) {
    if (!this.telling()) return;
    const state = this.live.repeaterState(repeaterId);
    if (this.remember(`repeaters:${repeaterId}`, state))
      this.onDelta({ collection: "repeaters", device: repeaterId, state });
  }
  /** True when changes are being told; otherwise notes that the memory is out of date. */
  telling() {
    if (!this.active) this.stale = true;
    return this.active;
  }
  /** An observer must never throw into the twin's run. */
  guard(work) {
    try {
      work();
    } catch (error) {
      this.onFault(error);
    }
  }
};

// api/live/live-connection.ts
var backPressure = {
  coalesceAboveBytes: 1024 * 1024,
  resyncBelowBytes: 256 * 1024,
  closeAboveBytes: 4 * 1024 * 1024,
  closeAfterWallMs: 1e4
};
var statusEveryWallMs = 500;
var snapshotEveryWallMs = 250;
var socketOpen = 1;
var kindsOnlyOnRequest = /* @__PURE__ */ new Set(["radio.hop"]);
var deviceFields = ["lock", "door", "iq", "device"];
function compileFilter(filter, doorOfLock) {
  let devices;
  if (filter?.devices !== void 0) {
    devices = new Set(filter.devices);
    for (const id of filter.devices) {
      const door = doorOfLock.get(id);
      if (door !== void 0) devices.add(door);
    }
  }
  return { devices, kinds: filter?.kinds === void 0 ? void 0 : new Set(filter.kinds) };
}
function eventMatches(filter, record) {
  if (filter.kinds === void 0 ? kindsOnlyOnRequest.has(record.kind) : !filter.kinds.has(record.kind))
    return false;
  const devices = filter.devices;
  if (devices === void 0) return true;
  if (record.device !== void 0 && devices.has(record.device)) return true;
  const fields = record.fields;
  if (fields === void 0) return false;
  return deviceFields.some((field2) => {
    const value = fields[field2];
    return typeof value === "string" && devices.has(value);
  });
}
var LiveConnection = class {
  constructor(socket, options) {
    this.socket = socket;
    this.options = options;
  }
  socket;
  options;
  seq = 0;
  subscription;
  resyncDue = false;
  overSinceWallMs;
  readingPaused = false;
  lastStatusWallMs = Number.NEGATIVE_INFINITY;
  lastStatusJson = "";
  closed = false;
  lastSubscribeSnapshotWallMs = Number.NEGATIVE_INFINITY;
  snapshotTimer;
  get subscribed() {
    return this.subscription !== void 0;
  }
  /** Whether stream messages are being dropped until a resync snapshot. */
  get coalescing() {
    return this.resyncDue;
  }
  /** The last `seq` sent. */
  get lastSeq() {
    return this.seq;
  }
  /**
   * Follows `filter` from a fresh snapshot: at once, or (within `snapshotEveryWallMs` of the last one) once that
   * time is up, when one snapshot answers every subscribe made meanwhile (the last filter wins). Stream messages
   * wait for that snapshot.
   */
  subscribe(filter) {
    this.subscription = filter;
    const nowMs = this.options.nowWallMs();
    const waitMs = this.lastSubscribeSnapshotWallMs + snapshotEveryWallMs - nowMs;
    if (waitMs <= 0) {
      this.resyncDue = false;
      this.lastSubscribeSnapshotWallMs = nowMs;
      this.sendSnapshot();
      return;
    }
    if (this.snapshotTimer !== void 0) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = void 0;
      if (this.subscription === void 0) return;
      this.resyncDue = false;
      this.lastSubscribeSnapshotWallMs = this.options.nowWallMs();
      this.sendSnapshot();
    }, waitMs);
    this.snapshotTimer.unref?.();
  }
  unsubscribe() {
    this.subscription = void 0;
    this.resyncDue = false;
  }
  /** Closes the socket with `code` (nothing more is sent). */
  close(code, reason) {
    if (this.open()) this.socket.close(code, reason);
    this.closedBySocket();
  }
  /** An answer to the client (ack or error): always sent while the socket is open. */
  reply(message) {
    if (!this.open()) return;
    this.socket.send(JSON.stringify(message));
    this.checkPressure(this.options.nowWallMs());
  }
  /**
   * A trace event, sent when it matches the filter. `rest` gives the message's fields after `seq` as JSON without
   * the opening brace (`"virtualMs":…}`), made once and shared by every client.
   */
  offerEvent(record, rest) {
    const filter = this.subscription;
    if (filter === void 0 || !eventMatches(filter, record)) return;
    this.sendStream("event", rest);
  }
  /** A device's new state: sent for devices in the filter (the alert list to everyone subscribed). */
  offerDelta(delta, rest) {
    const devices = this.subscription?.devices;
    if (this.subscription === void 0 || devices !== void 0 && delta.collection !== "alerts" && !devices.has(delta.device))
      return;
    this.sendStream("delta", rest);
  }
  /** A new entry of the cloud's log: sent when its lock is in the filter. */
  offerEntry(lockId2, rest) {
    const devices = this.subscription?.devices;
    if (this.subscription === void 0 || devices !== void 0 && !devices.has(lockId2)) return;
    this.sendStream("entry", rest);
  }
  /**
   * Called every ~100 ms of wall time by the hub: judges the send buffer (resync, stop reading, close) and sends
   * a status when one is due and it changed. `statusJson` is the status message's JSON for this moment.
   */
  tick(statusJson) {
    if (!this.open()) return;
    const nowMs = this.options.nowWallMs();
    if (!this.checkPressure(nowMs)) return;
    const buffered = this.socket.bufferedAmount;
    if (this.resyncDue && this.snapshotTimer === void 0) {
      if (buffered >= backPressure.resyncBelowBytes) return;
      this.resyncDue = false;
      this.sendSnapshot();
      return;
    }
    if (this.subscription === void 0 || this.snapshotTimer !== void 0 || buffered > backPressure.coalesceAboveBytes || nowMs - this.lastStatusWallMs < statusEveryWallMs)
      return;
    const json2 = statusJson();
    if (json2 === this.lastStatusJson) return;
    this.lastStatusJson = json2;
    this.lastStatusWallMs = nowMs;
    this.socket.send(json2);
  }
  /** Notes that the socket closed (nothing more is sent). */
  closedBySocket() {
    this.closed = true;
    this.subscription = void 0;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = void 0;
  }
  open() {
    return !this.closed && this.socket.readyState === socketOpen;
  }
  /** False when the client is being dropped; pauses and resumes reading around the hard limit. */
  checkPressure(nowMs) {
    const buffered = this.socket.bufferedAmount;
    if (buffered > backPressure.closeAboveBytes) {
      this.overSinceWallMs ??= nowMs;
      if (!this.readingPaused) {
        this.readingPaused = true;
        this.socket.pause();
      }
      if (nowMs - this.overSinceWallMs > backPressure.closeAfterWallMs) {
        this.closed = true;
        this.subscription = void 0;
        this.socket.close(closeCodeTooSlow, "client too slow");
        return false;
      }
      return true;
    }
    this.overSinceWallMs = void 0;
    if (this.readingPaused && buffered <= backPressure.coalesceAboveBytes) {
      this.readingPaused = false;
      this.socket.resume();
    }
    return true;
  }
  /** Sends `{"type":…,"seq":…,` + `rest` (the message's other fields, one JSON text shared by all clients). */
  sendStream(type, rest) {
    if (this.resyncDue || this.snapshotTimer !== void 0 || !this.open()) return;
    if (this.socket.bufferedAmount > backPressure.coalesceAboveBytes) {
      this.resyncDue = true;
      return;
    }
    this.seq += 1;
    this.socket.send(`{"type":"${type}","seq":${this.seq},${rest()}`);
  }
  sendSnapshot() {
    const filter = this.subscription;
    if (filter === void 0 || !this.open()) return;
    const parts = this.options.snapshot(filter);
    this.seq += 1;
    this.socket.send(
      JSON.stringify({
        type: "snapshot",
        seq: this.seq,
        virtualMs: parts.virtualMs,
        status: parts.status,
        devices: parts.devices,
        entries: parts.entries
      })
    );
    this.lastStatusJson = "";
  }
};

// api/live/json-depth.ts
function jsonDepth(value, limit) {
  let deepest = 0;
  const pending = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return limit + 1;
    deepest = Math.max(deepest, depth);
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return deepest;
}

// api/live/replay-pool.ts
import { Worker as Worker2 } from "node:worker_threads";
var replaysQueuedMax = 8;
var startReplayWorker = () => new Worker2(new URL("./replay-worker.mjs", import.meta.url));
var ReplayPool = class {
  worker;
  queue = [];
  running;
  closed = false;
  wallMsMax;
  startWorker;
  constructor(options = {}) {
    this.wallMsMax = options.wallMsMax ?? protocolLimits.replayWallMsMax;
    this.startWorker = options.startWorker ?? startReplayWorker;
  }
  replay = (task) => new Promise((settle) => {
    if (this.closed) return settle(refusal("session-ended", "the server is closing"));
    if (this.queue.length >= replaysQueuedMax)
      return settle(refusal("busy", `${replaysQueuedMax} replays are waiting already; try again shortly`));
    this.queue.push({ task, settle });
    this.next();
  });
  close() {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.settle(refusal("session-ended", "the server is closing"));
    this.finish(refusal("session-ended", "the server is closing"));
    void this.worker?.terminate();
    this.worker = void 0;
  }
  next() {
    if (this.running !== void 0 || this.closed) return;
    const job = this.queue.shift();
    if (job === void 0) return;
    const timer = setTimeout(() => {
      this.finish(
        refusal(
          "too-long",
          `the replay took longer than ${this.wallMsMax / 1e3} s of wall time and was stopped`
        )
      );
      this.dropWorker();
    }, this.wallMsMax);
    timer.unref();
    this.running = { job, timer };
    this.workerNow().postMessage(job.task);
  }
  workerNow() {
    if (this.worker !== void 0) return this.worker;
    const worker = this.startWorker();
    worker.unref();
    worker.on("message", (outcome) => this.finish(outcome));
    worker.on("error", (error) => {
      if (this.worker === worker) this.worker = void 0;
      this.finish(refusal("twin-error", `${error.name}: ${error.message}`));
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.worker = void 0;
      this.finish(refusal("twin-error", "the replay worker stopped"));
    });
    this.worker = worker;
    return worker;
  }
  dropWorker() {
    const worker = this.worker;
    this.worker = void 0;
    void worker?.terminate();
  }
  /** Settles the replay running now (if any) and starts the next. */
  finish(outcome) {
    const running = this.running;
    if (running === void 0) return;
    this.running = void 0;
    clearTimeout(running.timer);
    running.job.settle(outcome);
    this.next();
  }
};

// api/live/live-hub.ts
var hubTickMsDefault = 100;
var LiveHub = class {
  constructor(live, options) {
    this.live = live;
    this.options = options;
    this.nowWallMs = options.nowWallMs ?? (() => performance.now());
    this.onFault = options.onFault ?? ((error) => console.error("live protocol:", error));
    if (options.replay === void 0) this.ownPool = new ReplayPool();
    this.replay = options.replay ?? this.ownPool.replay;
    const spec = live.spec;
    this.doorOfLock = new Map(spec.locks.map((lock) => [lock.id, lock.door]));
    this.knownIds = new Set(
      [
        ...spec.locks,
        ...spec.iqs,
        ...spec.repeaters,
        ...spec.doors,
        ...spec.phones,
        ...spec.tags,
        ...spec.users
      ].map((device) => device.id)
    );
    this.states = new DeviceStates(live, (delta) => this.broadcastDelta(delta), this.onFault);
    this.stopTrace = live.subscribe((traced) => this.onEvent(traced));
    this.stopEntries = live.twin.entries.subscribe((entry) => this.onEntry(entry));
    this.stopFailure = live.onFailure((reason) => this.endSession(reason));
  }
  live;
  options;
  clients = /* @__PURE__ */ new Map();
  states;
  stopTrace;
  stopEntries;
  stopFailure;
  nowWallMs;
  onFault;
  doorOfLock;
  knownIds;
  perConnection = new import_rate_limiter_flexible.RateLimiterMemory({
    points: rateLimits.perConnection.points,
    duration: rateLimits.perConnection.durationSeconds
  });
  perUser = new import_rate_limiter_flexible.RateLimiterMemory({
    points: rateLimits.perUser.points,
    duration: rateLimits.perUser.durationSeconds
  });
  ownPool;
  replay;
  timer;
  anySubscribed = false;
  nextClient = 1;
  /** Connections open now. */
  get size() {
    return this.clients.size;
  }
  /**
   * A new client, with the token it offered as a subprotocol (if any). A bad token is closed with 4401 at once;
   * none at all leaves the client `auth` message's deadline, or makes it anonymous in read-only mode.
   */
  connect(socket, offeredToken2) {
    const connection = new LiveConnection(socket, {
      snapshot: (filter) => this.snapshotFor(filter),
      nowWallMs: this.nowWallMs
    });
    const client = {
      key: `connection-${this.nextClient++}`,
      principal: void 0,
      authTimer: void 0,
      frames: [],
      draining: false,
      timeline: { loaded: void 0 }
    };
    this.clients.set(connection, client);
    if (this.timer === void 0) {
      this.timer = setInterval(() => this.tick(), this.options.tickMs ?? hubTickMsDefault);
      this.timer.unref?.();
    }
    const ended = this.live.ended;
    if (ended !== void 0) {
      this.sendEnded(connection, ended);
      return connection;
    }
    if (offeredToken2 !== void 0) this.authenticate(connection, client, offeredToken2);
    else if (this.options.anonymousReadOnly === true) client.principal = { kind: "anonymous" };
    else {
      client.authTimer = setTimeout(
        () => this.refuse(connection, "no token: send an auth message first"),
        protocolLimits.authDeadlineMs
      );
      client.authTimer.unref?.();
    }
    return connection;
  }
  disconnect(connection) {
    connection.closedBySocket();
    const client = this.clients.get(connection);
    if (client !== void 0) {
      clearTimeout(client.authTimer);
      client.frames.length = 0;
    }
    this.clients.delete(connection);
    this.updateActive();
    if (this.clients.size === 0 && this.timer !== void 0) {
      clearInterval(this.timer);
      this.timer = void 0;
    }
  }
  /**
   * One frame from a client, queued behind its earlier ones (at most `framesQueuedMax` wait: past that it is
   * answered `busy` and dropped). Never throws: whatever is wrong is answered with an `error`.
   */
  receive(connection, text2) {
    const client = this.clients.get(connection);
    if (client === void 0) return;
    if (client.frames.length >= protocolLimits.framesQueuedMax) {
      connection.reply(
        errorMessage(
          null,
          "busy",
          `${protocolLimits.framesQueuedMax} messages of this connection are waiting already; this one is dropped`
        )
      );
      return;
    }
    client.frames.push(text2);
    if (!client.draining) void this.drain(connection, client);
  }
  close() {
    this.stopTrace();
    this.stopEntries();
    this.stopFailure();
    this.states.close();
    this.ownPool?.close();
    for (const [connection, client] of this.clients) {
      clearTimeout(client.authTimer);
      connection.closedBySocket();
    }
    this.clients.clear();
    if (this.timer !== void 0) clearInterval(this.timer);
    this.timer = void 0;
  }
  /** Runs one tick now (the timer calls it; tests may too). */
  tick() {
    try {
      this.states.checkAlerts();
      let statusJson;
      const status = () => statusJson ??= JSON.stringify({ type: "status", ...this.live.status() });
      for (const connection of this.clients.keys()) connection.tick(status);
    } catch (error) {
      this.onFault(error);
    }
  }
  async drain(connection, client) {
    client.draining = true;
    try {
      for (let text2 = client.frames.shift(); text2 !== void 0; text2 = client.frames.shift()) {
        try {
          await this.handle(connection, client, text2);
        } catch (error) {
          this.onFault(error);
          connection.reply(
            errorMessage(null, "twin-error", error instanceof Error ? error.message : String(error))
          );
        }
        if (!this.clients.has(connection)) return;
      }
    } finally {
      client.draining = false;
    }
  }
  async handle(connection, client, text2) {
    const limited2 = await this.rateLimited(client);
    if (limited2 !== void 0) {
      connection.reply(errorMessage(idOf(text2), "rate-limited", limited2));
      return;
    }
    const json2 = this.readFrame(connection, text2);
    if (json2 === void 0) return;
    const message = json2;
    const id = typeof message.id === "string" && message.id.length <= protocolLimits.commandIdCharsMax ? message.id : null;
    if (message.type === "auth") {
      const parsed = authMessageSchema.safeParse(json2, parseOptions);
      if (!parsed.success) this.refuse(connection, "the auth message is malformed");
      else this.authenticate(connection, client, parsed.data.token);
      return;
    }
    const principal = this.principalNow(connection, client);
    if (principal === void 0) return;
    switch (message.type) {
      case "subscribe":
        this.subscribe(connection, principal, json2);
        return;
      case "unsubscribe":
        connection.unsubscribe();
        this.updateActive();
        return;
      case "command": {
        const parsed = commandMessageSchema.safeParse(json2, parseOptions);
        if (!parsed.success) {
          connection.reply(fromOutcome(id, badMessage(parsed.error, "")));
          return;
        }
        const command = parsed.data.command;
        const denied = refusalOfAccess(principal, capabilityOf(command), this.live.twin.cloud.state);
        if (denied !== void 0 || principal.kind !== "user") {
          connection.reply(fromOutcome(parsed.data.id, denied ?? { code: 1500, message: "no user" }));
          return;
        }
        const outcome = await executeCommand(this.live, command, {
          actorId: principal.userId,
          timeline: client.timeline,
          replay: this.replay
        });
        connection.reply(
          outcome.ok ? { type: "ack", id: parsed.data.id, result: outcome.result } : fromOutcome(parsed.data.id, outcome)
        );
        return;
      }
      default:
        connection.reply(
          errorMessage(
            id,
            "bad-message",
            `type: unknown message type "${message.type.slice(0, 100)}" (known: auth, subscribe, unsubscribe, command)`,
            "type"
          )
        );
    }
  }
  /** A frame as a JSON object with a string `type`, nested at most `frameDepthMax`; else answered and undefined. */
  readFrame(connection, text2) {
    let json2;
    try {
      json2 = JSON.parse(text2);
    } catch (error) {
      connection.reply(
        errorMessage(null, "bad-json", `the message is not JSON: ${error.message.slice(0, 200)}`)
      );
      return void 0;
    }
    if (jsonDepth(json2, protocolLimits.frameDepthMax) > protocolLimits.frameDepthMax) {
      connection.reply(
        errorMessage(
          idOf(json2),
          "bad-message",
          `(message): nests deeper than ${protocolLimits.frameDepthMax} arrays and objects`
        )
      );
      return void 0;
    }
    if (typeof json2 !== "object" || json2 === null || Array.isArray(json2) || typeof json2.type !== "string") {
      connection.reply(
        errorMessage(
          null,
          "bad-message",
          'type: a message is a JSON object with a "type" (auth, subscribe, unsubscribe or command)',
          "type"
        )
      );
      return void 0;
    }
    return json2;
  }
  /** The frame over a rate limit (the connection's or its user's): why, in words; else undefined. */
  async rateLimited(client) {
    const principal = client.principal;
    const userKey = principal === void 0 ? void 0 : principal.kind === "user" ? `user-${principal.userId}` : "anonymous";
    try {
      await this.perConnection.consume(client.key);
    } catch {
      return `more than ${rateLimits.perConnection.points} messages in ${rateLimits.perConnection.durationSeconds} s on this connection`;
    }
    if (userKey === void 0) return void 0;
    try {
      await this.perUser.consume(userKey);
    } catch {
      return `more than ${rateLimits.perUser.points} messages in ${rateLimits.perUser.durationSeconds} s for this user`;
    }
    return void 0;
  }
  /** Takes a token for the connection, or closes it with 4401. */
  authenticate(connection, client, token) {
    const userId = this.options.userOfToken(token);
    if (userId === void 0) {
      this.refuse(connection, "unknown or expired token");
      return;
    }
    clearTimeout(client.authTimer);
    client.authTimer = void 0;
    client.principal = { kind: "user", userId, token };
  }
  /**
   * Who the connection acts as now: its token is checked again on every message (so an expired or revoked
   * token, or a deleted user, stops it at once: closed with 4401). Undefined when the connection was refused.
   */
  principalNow(connection, client) {
    const principal = client.principal;
    if (principal === void 0) {
      this.refuse(connection, "send an auth message with a token first");
      return void 0;
    }
    if (principal.kind === "user" && this.options.userOfToken(principal.token) !== principal.userId) {
      this.refuse(connection, "the token has expired or was revoked");
      return void 0;
    }
    return principal;
  }
  /** Closes a connection without a valid token: 4401, with the reason. */
  refuse(connection, reason) {
    connection.close(closeCodeUnauthorized, reason);
    this.disconnect(connection);
  }
  /** The twin failed: every client is told and closed with 4500; the server keeps serving everything else. */
  endSession(reason) {
    for (const connection of [...this.clients.keys()]) this.sendEnded(connection, reason);
  }
  sendEnded(connection, reason) {
    connection.reply(errorMessage(null, "session-ended", `the live session has ended: ${reason}`));
    connection.close(closeCodeSessionEnded, "session ended");
    this.disconnect(connection);
  }
  subscribe(connection, principal, json2) {
    const denied = refusalOfAccess(principal, "watch", this.live.twin.cloud.state);
    if (denied !== void 0) {
      connection.reply(fromOutcome(null, denied));
      return;
    }
    const parsed = subscribeMessageSchema.safeParse(json2, parseOptions);
    if (!parsed.success) {
      connection.reply(fromOutcome(null, badMessage(parsed.error, "")));
      return;
    }
    const unknown = (parsed.data.filter?.devices ?? []).filter((id) => !this.knownIds.has(id));
    if (unknown.length > 0) {
      const named = unknown.slice(0, 5).map((id) => `"${id}"`).join(", ");
      connection.reply(
        errorMessage(
          null,
          "unknown-device",
          `filter.devices: no device ${named}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ""} in site ${this.live.spec.name}`,
          "filter.devices"
        )
      );
      return;
    }
    this.anySubscribed = true;
    this.states.setActive(true);
    connection.subscribe(compileFilter(parsed.data.filter, this.doorOfLock));
  }
  updateActive() {
    this.anySubscribed = [...this.clients.keys()].some((connection) => connection.subscribed);
    this.states.setActive(this.anySubscribed);
  }
  snapshotFor(filter) {
    const status = this.live.status();
    return {
      virtualMs: status.virtualMs,
      status,
      devices: this.live.snapshot(),
      entries: this.newestEntries(filter)
    };
  }
  /** The newest entries (at most the snapshot's share) of the filter's locks, oldest first. */
  newestEntries(filter) {
    return newestEntries(this.live.twin, protocolLimits.snapshotEntriesMax, filter.devices);
  }
  onEvent(traced) {
    try {
      if (!this.anySubscribed) return;
      const record = toTraceRecord(traced);
      let eventRest;
      const rest = () => eventRest ??= JSON.stringify({
        virtualMs: record.tMs,
        kind: record.kind,
        device: record.device ?? null,
        fields: record.fields,
        traceSeq: record.seq
      }).slice(1);
      for (const connection of this.clients.keys()) connection.offerEvent(record, rest);
    } catch (error) {
      this.onFault(error);
    }
  }
  /** A new entry in the cloud's log: told to the connections that follow its lock, and the alert list checked. */
  onEntry(entry) {
    try {
      if (this.anySubscribed) {
        let entryRest;
        const restOfEntry = () => entryRest ??= JSON.stringify({ virtualMs: this.live.twin.clock.now(), entry }).slice(1);
        for (const connection of this.clients.keys()) connection.offerEntry(entry.lockId, restOfEntry);
      }
      this.states.checkAlerts();
    } catch (error) {
      this.onFault(error);
    }
  }
  broadcastDelta(delta) {
    let deltaRest;
    const rest = () => deltaRest ??= JSON.stringify({
      virtualMs: this.live.twin.clock.now(),
      collection: delta.collection,
      device: delta.device,
      state: delta.state
    }).slice(1);
    for (const connection of this.clients.keys()) connection.offerDelta(delta, rest);
  }
};
function errorMessage(id, code, message, path) {
  return { type: "error", id, code, message, ...path === void 0 ? {} : { path } };
}
function fromOutcome(id, outcome) {
  return errorMessage(id, outcome.code, outcome.message, outcome.path);
}
function idOf(frame) {
  let json2 = frame;
  if (typeof frame === "string") {
    if (frame.length > protocolLimits.frameBytesMax) return null;
    try {
      json2 = JSON.parse(frame);
    } catch {
      return null;
    }
  }
  const id = typeof json2 === "object" && json2 !== null ? json2.id : void 0;
  return typeof id === "string" && id.length <= protocolLimits.commandIdCharsMax ? id : null;
}

// api/live/live-socket.ts
function attachLiveProtocol(wss, live, options) {
  const hub = new LiveHub(live, options);
  wss.on("connection", (socket, request) => {
    const connection = hub.connect(socket, offeredToken(request));
    socket.on("message", (data) => hub.receive(connection, textOf(data)));
    socket.on("close", () => hub.disconnect(connection));
    socket.on("error", () => hub.disconnect(connection));
  });
  wss.on("close", () => hub.close());
  return hub;
}
function selectSubprotocol(offered) {
  return offered.has(liveSubprotocol) ? liveSubprotocol : false;
}
function offeredToken(request) {
  const header = request?.headers["sec-websocket-protocol"];
  if (typeof header !== "string") return void 0;
  for (const part of header.split(",")) {
    const protocol = part.trim();
    if (protocol.startsWith(bearerSubprotocolPrefix) && protocol.length > bearerSubprotocolPrefix.length)
      return protocol.slice(bearerSubprotocolPrefix.length);
  }
  return void 0;
}
function textOf(data) {
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data).toString("utf8");
}

// api/rest/auth.ts
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";

// api/odata/errors.ts
var ODataError = class extends Error {
  constructor(option, detail, position2) {
    super(position2 === void 0 ? `${option}: ${detail}` : `${option}: ${detail} at position ${position2}`);
    this.option = option;
    this.detail = detail;
    this.position = position2;
    this.name = "ODataError";
  }
  option;
  detail;
  position;
};

// api/odata/date-time.ts
var dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;
function parseDateTime(text2) {
  const match2 = dateTimePattern.exec(text2);
  if (match2 === null) return void 0;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", offset] = match2;
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return void 0;
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, Number(fraction.padEnd(3, "0").slice(0, 3)));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return void 0;
  const shiftMs = offsetMs(offset);
  if (shiftMs === void 0) return void 0;
  return { kind: "datetime", epochMs: date.getTime() - shiftMs, text: text2 };
}
function offsetMs(offset) {
  if (offset === void 0 || offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return void 0;
  return sign * (hours * 60 + minutes) * 6e4;
}

// api/odata/lexer.ts
var filterLengthMax = 4e3;
var whitespace = /[ \t\r\n]/;
var dateTimeStart = /\d{4}-\d{2}-\d{2}/y;
var dateTimeToken = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?/y;
var numberToken = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var segmentToken = /[A-Za-z_][A-Za-z0-9_]*/y;
function tokenize(text2, option = "$filter") {
  if (text2.length > filterLengthMax)
    throw new ODataError(option, `longer than ${filterLengthMax} characters`);
  const tokens = [];
  let at = 0;
  while (at < text2.length) {
    const char = text2[at];
    if (whitespace.test(char)) {
      at++;
      continue;
    }
    const position2 = at;
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char === "(" ? "open" : char === ")" ? "close" : "comma", position: position2 });
      at++;
    } else if (char === "'") {
      const { value, end } = readString(text2, at, option);
      tokens.push({ kind: "string", value, position: position2 });
      at = end;
    } else if (/[-\d]/.test(char)) {
      const token = readNumberOrDateTime(text2, at, option);
      tokens.push(token);
      at = token.end;
    } else if (/[A-Za-z_]/.test(char)) {
      const { segments, end } = readName(text2, at, option);
      tokens.push({ kind: "name", segments, position: position2 });
      at = end;
    } else {
      throw new ODataError(option, `unexpected character ${JSON.stringify(char)}`, position2);
    }
  }
  tokens.push({ kind: "end", position: text2.length });
  return tokens;
}
function readString(text2, start, option) {
  let value = "";
  let at = start + 1;
  for (; ; ) {
    const next = text2.indexOf("'", at);
    if (next === -1) throw new ODataError(option, "string literal without its closing quote", start);
    value += text2.slice(at, next);
    if (text2[next + 1] === "'") {
      value += "'";
      at = next + 2;
      continue;
    }
    return { value, end: next + 1 };
  }
}
function readNumberOrDateTime(text2, start, option) {
  dateTimeStart.lastIndex = start;
  if (dateTimeStart.test(text2)) {
    dateTimeToken.lastIndex = start;
    const match3 = dateTimeToken.exec(text2);
    const literal = match3?.[0] ?? "";
    const value2 = parseDateTime(literal);
    if (value2 === void 0)
      throw new ODataError(option, `${JSON.stringify(literal)} is not a valid date-time`, start);
    return { kind: "datetime", value: value2, position: start, end: start + literal.length };
  }
  numberToken.lastIndex = start;
  const match2 = numberToken.exec(text2);
  if (match2 === null) throw new ODataError(option, "a minus sign must start a number", start);
  const value = Number(match2[0]);
  if (!Number.isFinite(value)) throw new ODataError(option, `number ${match2[0]} is out of range`, start);
  const end = start + match2[0].length;
  if (end < text2.length && /[A-Za-z_\d.]/.test(text2[end])) {
    throw new ODataError(option, `malformed number ${JSON.stringify(text2.slice(start, end + 1))}`, start);
  }
  return { kind: "number", value, position: start, end };
}
function readName(text2, start, option) {
  const segments = [];
  let at = start;
  for (; ; ) {
    segmentToken.lastIndex = at;
    const match2 = segmentToken.exec(text2);
    if (match2 === null) throw new ODataError(option, 'a field path needs a name after "/"', at);
    segments.push(match2[0]);
    at += match2[0].length;
    if (text2[at] !== "/") return { segments, end: at };
    at++;
  }
}

// api/odata/filter.ts
var comparisonOperators = ["eq", "ne", "gt", "ge", "lt", "le"];
var filterFunctions = ["contains", "startswith", "endswith"];
var filterDepthMax = 64;
var keywords = /* @__PURE__ */ new Set(["and", "or", "not", "true", "false", "null", ...comparisonOperators]);
function parseFilter(text2, options = {}) {
  if (text2.trim() === "") throw new ODataError("$filter", "is empty");
  return new FilterParser(tokenize(text2), options).parse();
}
var FilterParser = class {
  constructor(tokens, options) {
    this.tokens = tokens;
    this.options = options;
  }
  tokens;
  options;
  at = 0;
  depth = 0;
  parse() {
    const node = this.condition(this.or(), this.peek().position);
    const next = this.peek();
    if (next.kind !== "end") this.fail(`unexpected ${describe(next)}`, next);
    return node;
  }
  or() {
    let left = this.and();
    while (this.isKeyword("or")) {
      const token = this.next();
      left = {
        kind: "or",
        left: this.condition(left, token.position),
        right: this.condition(this.and(), token.position)
      };
    }
    return left;
  }
  and() {
    let left = this.unary();
    while (this.isKeyword("and")) {
      const token = this.next();
      left = {
        kind: "and",
        left: this.condition(left, token.position),
        right: this.condition(this.unary(), token.position)
      };
    }
    return left;
  }
  unary() {
    if (!this.isKeyword("not")) return this.comparison();
    const token = this.next();
    return this.nested(token, () => ({ kind: "not", operand: this.condition(this.unary(), token.position) }));
  }
  comparison() {
    const left = this.operand();
    const token = this.peek();
    const operator = token.kind === "name" && token.segments.length === 1 ? token.segments[0] : void 0;
    if (!comparisonOperators.includes(operator)) return left;
    this.next();
    return { kind: "compare", operator, left, right: this.operand() };
  }
  operand() {
    const token = this.next();
    switch (token.kind) {
      case "open": {
        const inner = this.nested(token, () => this.or());
        this.expect("close", "a closing bracket");
        return inner;
      }
      case "string":
      case "number":
      case "datetime":
        return { kind: "literal", value: token.value };
      case "name":
        return this.name(token);
      default:
        return this.fail(`expected a value, a field or a bracket, found ${describe(token)}`, token);
    }
  }
  name(token) {
    const [first] = token.segments;
    if (token.segments.length === 1 && first !== void 0) {
      if (first === "true" || first === "false") return { kind: "literal", value: first === "true" };
      if (first === "null") return { kind: "literal", value: null };
      if (keywords.has(first)) return this.fail(`"${first}" cannot stand here`, token);
      if (filterFunctions.includes(first) && this.peek().kind === "open")
        return this.call(first);
    }
    return { kind: "field", path: this.path(token) };
  }
  call(name) {
    this.next();
    const field2 = this.next();
    if (field2.kind !== "name")
      return this.fail(`${name}() takes a field first, found ${describe(field2)}`, field2);
    const path = this.path(field2);
    this.expect("comma", "a comma");
    const argument = this.next();
    if (argument.kind !== "string")
      return this.fail(`${name}() takes a string literal second, found ${describe(argument)}`, argument);
    this.expect("close", "a closing bracket");
    return { kind: "call", name, path, argument: argument.value };
  }
  path(token) {
    const path = token.segments.join("/");
    if (token.segments.some((segment) => keywords.has(segment))) this.fail(`"${path}" is not a field`, token);
    const { fields } = this.options;
    if (fields !== void 0 && !fields.has(path)) this.fail(`unknown field "${path}"`, token);
    return token.segments;
  }
  /** A node that must be a condition (operand of and / or / not, or the whole filter). */
  condition(node, position2) {
    if (node.kind === "literal" && typeof node.value !== "boolean") {
      throw new ODataError("$filter", "a condition is expected, not a value", position2);
    }
    return node;
  }
  nested(token, parse) {
    if (++this.depth > filterDepthMax) this.fail(`nested deeper than ${filterDepthMax} levels`, token);
    const result = parse();
    this.depth--;
    return result;
  }
  isKeyword(word) {
    const token = this.peek();
    return token.kind === "name" && token.segments.length === 1 && token.segments[0] === word;
  }
  expect(kind, what) {
    const token = this.next();
    if (token.kind !== kind) this.fail(`expected ${what}, found ${describe(token)}`, token);
    return token;
  }
  peek() {
    return this.tokens[this.at] ?? this.tokens.at(-1);
  }
  next() {
    const token = this.peek();
    if (token.kind !== "end") this.at++;
    return token;
  }
  fail(detail, token) {
    throw new ODataError("$filter", detail, token.position);
  }
};
function describe(token) {
  switch (token.kind) {
    case "end":
      return "the end of the filter";
    case "open":
      return '"("';
    case "close":
      return '")"';
    case "comma":
      return '","';
    case "string":
      return "a string";
    case "number":
      return `the number ${token.value}`;
    case "datetime":
      return `the date-time ${token.value.text}`;
    case "name":
      return `"${token.segments.join("/")}"`;
  }
}
function matchesFilter(node, item) {
  return evaluate(node, item) === true;
}
function evaluate(node, item) {
  switch (node.kind) {
    case "or":
      return evaluate(node.left, item) === true || evaluate(node.right, item) === true;
    case "and":
      return evaluate(node.left, item) === true && evaluate(node.right, item) === true;
    case "not":
      return evaluate(node.operand, item) !== true;
    case "compare":
      return compare(node.operator, evaluate(node.left, item), evaluate(node.right, item));
    case "call":
      return call(node.name, fieldValue(item, node.path), node.argument);
    case "field":
      return fieldValue(item, node.path);
    case "literal":
      return node.value;
  }
}
function fieldValue(item, path) {
  let value = item;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, segment))
      return null;
    value = value[segment];
  }
  return value ?? null;
}
function call(name, value, argument) {
  if (name === "contains" && Array.isArray(value)) return value.includes(argument);
  if (typeof value !== "string") return false;
  if (name === "contains") return value.includes(argument);
  return name === "startswith" ? value.startsWith(argument) : value.endsWith(argument);
}
function compare(operator, left, right) {
  if (operator === "eq") return isEqual(left, right);
  if (operator === "ne") return !isEqual(left, right);
  const order2 = orderOf(left, right);
  if (order2 === void 0) return false;
  switch (operator) {
    case "gt":
      return order2 > 0;
    case "ge":
      return order2 >= 0;
    case "lt":
      return order2 < 0;
    case "le":
      return order2 <= 0;
  }
}
function isEqual(left, right) {
  if (left === null || right === null) return left === right;
  return orderOf(left, right) === 0;
}
function orderOf(left, right) {
  if (isDateTime(left) || isDateTime(right)) {
    const a = asEpochMs(left);
    const b = asEpochMs(right);
    return a === void 0 || b === void 0 ? void 0 : Math.sign(a - b);
  }
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right);
  if (typeof left === "string" && typeof right === "string") return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === "boolean" && typeof right === "boolean") return Number(left) - Number(right);
  return void 0;
}
function isDateTime(value) {
  return typeof value === "object" && value !== null && value.kind === "datetime";
}
function asEpochMs(value) {
  if (isDateTime(value)) return value.epochMs;
  return typeof value === "string" ? parseDateTime(value)?.epochMs : void 0;
}

// api/odata/orderby.ts
var orderKeysMax = 8;
var orderByLengthMax = 1e3;
var keyPattern = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:[ \t]+(asc|desc))?$/;
function parseOrderBy(text2, options = {}) {
  if (text2.length > orderByLengthMax)
    throw new ODataError("$orderby", `longer than ${orderByLengthMax} characters`);
  const parts = text2.split(",");
  if (parts.length > orderKeysMax) throw new ODataError("$orderby", `at most ${orderKeysMax} keys`);
  let position2 = 0;
  return parts.map((part) => {
    const at = position2;
    position2 += part.length + 1;
    const match2 = keyPattern.exec(part.trim());
    if (match2 === null) {
      throw new ODataError(
        "$orderby",
        `expected "field", "field asc" or "field desc", found ${JSON.stringify(part.trim())}`,
        at
      );
    }
    const path = match2[1];
    if (options.fields !== void 0 && !options.fields.has(path))
      throw new ODataError("$orderby", `cannot sort on "${path}"`, at);
    return { path: path.split("/"), descending: match2[2] === "desc" };
  });
}
function sortItems(items, keys) {
  if (keys.length === 0) return [...items];
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const order2 = orderForSort(fieldValue(a, key.path), fieldValue(b, key.path));
      if (order2 !== 0) return key.descending ? -order2 : order2;
    }
    return 0;
  });
}
var typeRanks = { boolean: 1, number: 2, string: 3 };
function orderForSort(left, right) {
  if (left === null || right === null) return left === right ? 0 : left === null ? -1 : 1;
  return orderOf(left, right) ?? Math.sign((typeRanks[typeof left] ?? 4) - (typeRanks[typeof right] ?? 4));
}

// api/rest/token-rate-limit.ts
var import_rate_limiter_flexible2 = __toESM(require_rate_limiter_flexible(), 1);
var tokenRateLimitsDefault = {
  failuresMax: 5,
  failureWindowSeconds: 60,
  lockoutSeconds: 30,
  lockoutSecondsMax: 900,
  requestsMax: 200,
  requestWindowSeconds: 10,
  requestsMaxAll: 2e3
};
var lockoutMemorySeconds = 3600;
var TooManyRequests = class extends Error {
  constructor(retryAfterSeconds, detail) {
    super(detail);
    this.retryAfterSeconds = retryAfterSeconds;
    this.name = "TooManyRequests";
  }
  retryAfterSeconds;
};
var TokenRateLimiter = class {
  constructor(limits) {
    this.limits = limits;
    for (const [name, value] of Object.entries(limits))
      if (!(Number.isSafeInteger(value) && value > 0))
        throw new RangeError(`${name} must be a positive integer`);
    this.failures = new import_rate_limiter_flexible2.RateLimiterMemory({
      keyPrefix: "failures",
      points: limits.failuresMax,
      duration: limits.failureWindowSeconds
    });
    this.lockouts = new import_rate_limiter_flexible2.RateLimiterMemory({
      keyPrefix: "lockouts",
      points: 1,
      duration: lockoutMemorySeconds
    });
    this.requests = new import_rate_limiter_flexible2.RateLimiterMemory({
      keyPrefix: "requests",
      points: limits.requestsMax,
      duration: limits.requestWindowSeconds
    });
    this.allRequests = new import_rate_limiter_flexible2.RateLimiterMemory({
      keyPrefix: "all-requests",
      points: limits.requestsMaxAll,
      duration: limits.requestWindowSeconds
    });
  }
  limits;
  failures;
  lockouts;
  requests;
  allRequests;
  /** Counts one request from `address`; throws `TooManyRequests` past the per-address rate. */
  async countRequest(address) {
    try {
      await this.requests.consume(address);
    } catch (rejection) {
      throw new TooManyRequests(retrySeconds(rejection), "too many token requests from this address");
    }
    try {
      await this.allRequests.consume("all");
    } catch (rejection) {
      throw new TooManyRequests(retrySeconds(rejection), "too many token requests");
    }
  }
  /** Throws `TooManyRequests` when one of the names (`user:…`, `client:…`) is locked out. */
  async assertNotLockedOut(names) {
    for (const name of names) {
      const record = await this.failures.get(name);
      if (record !== null && record.consumedPoints >= this.limits.failuresMax)
        throw new TooManyRequests(
          Math.max(1, Math.ceil(record.msBeforeNext / 1e3)),
          `too many failed attempts for ${name.replace(":", " ")}`
        );
    }
  }
  /** One failed attempt for each name; the one that reaches the limit locks the name out. */
  async recordFailure(names) {
    for (const name of names) {
      let reached;
      try {
        reached = (await this.failures.consume(name)).remainingPoints === 0;
      } catch (rejection) {
        if (!(rejection instanceof import_rate_limiter_flexible2.RateLimiterRes)) throw rejection;
        reached = true;
      }
      if (reached) await this.failures.block(name, await this.lockoutSecondsFor(name));
    }
  }
  async recordSuccess(names) {
    for (const name of names) await this.failures.delete(name);
  }
  /** `lockoutSeconds`, doubled for every earlier lock-out of the name within `lockoutMemorySeconds`. */
  async lockoutSecondsFor(name) {
    const earlier = (await this.lockouts.get(name))?.consumedPoints ?? 0;
    await this.lockouts.penalty(name, 1);
    const seconds = this.limits.lockoutSeconds * 2 ** Math.min(earlier, 30);
    return Math.min(seconds, this.limits.lockoutSecondsMax);
  }
};
function retrySeconds(rejection) {
  if (rejection instanceof import_rate_limiter_flexible2.RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1e3));
  throw rejection;
}

// api/rest/errors.ts
function malformedRequest(detail) {
  return new CloudError(1100, detail);
}
function invalidParameter(name, detail) {
  return new CloudError(1101, detail, name);
}
function notFound(detail) {
  return new CloudError(3104, detail);
}
function unauthorized(detail) {
  return new CloudError(1500, detail);
}
function isErrorCode(code) {
  return typeof code === "number" && Object.hasOwn(errorTable, code);
}
function knownError(error) {
  if (error instanceof CloudError) return error;
  if (error instanceof ODataError) return new CloudError(1102, error.message);
  if (error instanceof SessionRefusalError) return new CloudError(2203, error.message);
  return void 0;
}
function errorBody(error) {
  return { ErrorCode: error.code, Message: error.message };
}
function renderError(c, error) {
  const response = c.json(errorBody(error), error.httpStatus);
  if (error.code === 1500) response.headers.set("WWW-Authenticate", "Bearer");
  return response;
}
var offTableStatuses = { 405: 1100, 413: 1100, 429: 1500 };
var BodyTooLarge = class extends Error {
  constructor(bytesMax) {
    super(`the body is larger than ${bytesMax} bytes`);
    this.bytesMax = bytesMax;
    this.name = "BodyTooLarge";
  }
  bytesMax;
};
function payloadTooLarge(c, bytesMax) {
  const error = new CloudError(offTableStatuses[413], `the body is larger than ${bytesMax} bytes`);
  return c.json(errorBody(error), 413, { Connection: "close" });
}
function methodNotAllowed(c, allowed, detail) {
  const error = new CloudError(offTableStatuses[405], detail);
  return c.json(errorBody(error), 405, { Allow: allowed.join(", ") });
}
function tooManyRequests(c, refusal2) {
  const error = new CloudError(
    offTableStatuses[429],
    `${refusal2.message}; retry after ${refusal2.retryAfterSeconds} s`
  );
  return c.json({ ...errorBody(error), error: "slow_down", error_description: error.message }, 429, {
    "Retry-After": String(refusal2.retryAfterSeconds)
  });
}
function onError(error, c) {
  if (error instanceof TooManyRequests) return tooManyRequests(c, error);
  if (error instanceof BodyTooLarge) return payloadTooLarge(c, error.bytesMax);
  const known = knownError(error);
  if (known !== void 0) return renderError(c, known);
  console.error(`lockstep REST: unexpected error on ${c.req.method} ${new URL(c.req.url).pathname}:`, error);
  return c.json({ ErrorCode: 2201, Message: errorTable[2201].message }, 500);
}

// api/rest/oauth-errors.ts
var OAuthError = class extends Error {
  constructor(error, tableError) {
    super(tableError.message);
    this.error = error;
    this.tableError = tableError;
    this.name = "OAuthError";
  }
  error;
  tableError;
  get httpStatus() {
    return this.tableError.httpStatus;
  }
  /** Wrong credentials, which count towards the name's lock-out. */
  get isFailedCredential() {
    return this.error === "invalid_client" || this.error === "invalid_grant";
  }
};
function invalidClient(detail) {
  return new OAuthError("invalid_client", unauthorized(detail));
}
function oauthErrorOf(error) {
  if (error instanceof OAuthError) return error;
  if (error instanceof CloudError && (error.code === 1100 || error.code === 1101))
    return new OAuthError("invalid_request", error);
  return void 0;
}
function oauthErrorBody(error) {
  return { error: error.error, error_description: error.message, ...errorBody(error.tableError) };
}
function renderOAuthError(c, error) {
  const headers = { "Cache-Control": "no-store", Pragma: "no-cache" };
  if (error.error === "invalid_client") headers["WWW-Authenticate"] = 'Basic realm="lockstep"';
  return c.json(oauthErrorBody(error), error.httpStatus, headers);
}

// api/rest/shapes/token.ts
var connectScope = "user_api.full_access";
var toleratedScopes = ["openid", "profile", "email", "offline_access"];
var grantTypes = ["client_credentials", "password"];
var field = (max) => external_exports.string().max(max);
var tokenRequestSchema = external_exports.object({
  grant_type: field(200).describe(`${grantTypes.join(" or ")}`),
  client_id: field(200).optional().describe("or as HTTP Basic"),
  client_secret: field(200).optional().describe("or as HTTP Basic"),
  username: field(200).optional().describe("password grant: a user\u2019s id or email"),
  password: field(200).optional(),
  scope: field(1e3).optional().describe(`space-separated; \`${connectScope}\` when left out`)
});
var tokenResponseSchema = external_exports.object({
  access_token: external_exports.string(),
  token_type: external_exports.literal("Bearer"),
  expires_in: external_exports.number().int().describe("seconds"),
  scope: external_exports.literal(connectScope)
});
var revocationRequestSchema = external_exports.object({
  token: field(200),
  token_type_hint: field(100).optional(),
  client_id: field(200).optional(),
  client_secret: field(200).optional()
});
var oauthErrorCodes = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope"
];
var oauthErrorBodySchema = external_exports.object({
  error: external_exports.enum(oauthErrorCodes),
  error_description: external_exports.string(),
  ErrorCode: external_exports.number().int(),
  Message: external_exports.string()
});

// api/rest/token-store.ts
var TokenStore = class {
  constructor(limits) {
    this.limits = limits;
    for (const [name, value] of Object.entries(limits))
      if (!(Number.isSafeInteger(value) && value > 0))
        throw new RangeError(`${name} must be a positive integer`);
    if (limits.tokensPerUserMax > limits.tokensMax)
      throw new RangeError("tokensPerUserMax cannot exceed tokensMax");
  }
  limits;
  /** In the order issued, so the first key is the oldest. */
  sessions = /* @__PURE__ */ new Map();
  /** Each user's tokens, oldest first (at most `tokensPerUserMax`). */
  byUser = /* @__PURE__ */ new Map();
  get size() {
    return this.sessions.size;
  }
  /** Tokens `userId` holds now (live or not yet swept). */
  countOf(userId) {
    return this.byUser.get(userId)?.length ?? 0;
  }
  get(token) {
    return this.sessions.get(token);
  }
  /** Stores a new token, making room as the header says; `nowMs` decides what has expired. */
  add(token, session, nowMs) {
    if (this.sessions.has(token)) throw new Error("token generator repeated a token");
    const own = this.byUser.get(session.userId) ?? [];
    if (own.length >= this.limits.tokensPerUserMax) this.delete(own[0]);
    if (this.sessions.size >= this.limits.tokensMax) this.sweepExpired(nowMs);
    if (this.sessions.size >= this.limits.tokensMax) {
      const oldestOwn = this.byUser.get(session.userId)?.[0];
      if (oldestOwn === void 0) return { ok: false, retryAfterMs: this.msUntilFirstExpiry(nowMs) };
      this.delete(oldestOwn);
    }
    this.sessions.set(token, session);
    const list = this.byUser.get(session.userId);
    if (list === void 0) this.byUser.set(session.userId, [token]);
    else list.push(token);
    return { ok: true };
  }
  /** Forgets a token; true when it was there. */
  delete(token) {
    const session = this.sessions.get(token);
    if (session === void 0) return false;
    this.sessions.delete(token);
    const list = this.byUser.get(session.userId);
    if (list !== void 0) {
      const index = list.indexOf(token);
      if (index >= 0) list.splice(index, 1);
      if (list.length === 0) this.byUser.delete(session.userId);
    }
    return true;
  }
  /** Drops every expired token (tokens are issued with one lifetime, so the expired ones are the oldest). */
  sweepExpired(nowMs) {
    for (const [token, session] of this.sessions) {
      if (session.expiresAtMs > nowMs) break;
      this.delete(token);
    }
  }
  msUntilFirstExpiry(nowMs) {
    const first = this.sessions.values().next();
    return first.done === true ? 0 : Math.max(0, first.value.expiresAtMs - nowMs);
  }
};

// api/rest/auth.ts
var demoUserPassword = "lockstep";
var tokenLifetimeSecondsDefault = 3600;
var tokensMax = 1e4;
var tokensPerUserMax = 100;
var grantTypeSet = new Set(grantTypes);
var scopesAccepted = /* @__PURE__ */ new Set([connectScope, ...toleratedScopes]);
function grantTypeOf(request) {
  if (grantTypeSet.has(request.grant_type)) return request.grant_type;
  throw new OAuthError(
    "unsupported_grant_type",
    invalidParameter("grant_type", `this server grants ${grantTypes.join(" and ")} only`)
  );
}
function checkScope(scope) {
  const unknown = (scope ?? "").split(" ").filter((name) => name !== "" && !scopesAccepted.has(name));
  if (unknown.length > 0)
    throw new OAuthError(
      "invalid_scope",
      invalidParameter(
        "scope",
        `unknown scope ${JSON.stringify(unknown[0])}; the API's scope is ${connectScope}`
      )
    );
}
var loopbackHosts = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
function isLoopbackHost(host) {
  return loopbackHosts.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function authOptionsForHost(options, host) {
  const demoPasswords = options.userPasswords === void 0 && (options.demoPasswords ?? true) && isLoopbackHost(host);
  return { ...options, demoPasswords };
}
var Authenticator = class {
  constructor(options) {
    this.options = options;
    this.nowMs = options.nowMs ?? Date.now;
    this.newToken = options.newToken ?? randomUUID;
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? tokenLifetimeSecondsDefault;
    if (!(Number.isSafeInteger(this.lifetimeSeconds) && this.lifetimeSeconds > 0))
      throw new RangeError("tokenLifetimeSeconds must be a positive integer");
    const max = options.tokensMax ?? tokensMax;
    this.tokens = new TokenStore({
      tokensMax: max,
      tokensPerUserMax: Math.min(options.tokensPerUserMax ?? tokensPerUserMax, max)
    });
    this.limiter = new TokenRateLimiter({ ...tokenRateLimitsDefault, ...options.rateLimits });
  }
  options;
  tokens;
  limiter;
  nowMs;
  newToken;
  lifetimeSeconds;
  /**
   * Answers a token request (already checked against `tokenRequestSchema`) for the site in `state`; `address` is
   * the client's remote address, for the per-address rate. Throws `TooManyRequests` (429) while the address, the
   * user name or the client id is over its limits, an `OAuthError` for anything else refused.
   */
  async grant(request, basicAuthorization, state, address = "local") {
    await this.limiter.countRequest(address);
    const grantType = grantTypeOf(request);
    checkScope(request.scope);
    const basic = basicCredentials(basicAuthorization);
    const clientId = request.client_id ?? basic?.id;
    const clientNames = clientId === void 0 ? [] : [clientName(clientId, address)];
    const userNames = grantType === "password" && request.username !== void 0 ? [`user:${request.username.toLowerCase()}`] : [];
    const names = [...clientNames, ...userNames];
    await this.limiter.assertNotLockedOut(names);
    let userId;
    try {
      if (clientId === void 0 || (request.client_secret ?? basic?.secret) === void 0)
        throw invalidClient("client_id and client_secret are required (in the body or as HTTP Basic)");
      if (!this.isClient(clientId, request.client_secret ?? basic?.secret))
        throw invalidClient("unknown client or wrong secret");
      userId = grantType === "client_credentials" ? clientUser(state) : this.passwordUser(request, state);
    } catch (error) {
      if (error instanceof OAuthError && error.isFailedCredential)
        await this.limiter.recordFailure(error.error === "invalid_client" ? clientNames : userNames);
      throw error;
    }
    await this.limiter.recordSuccess(names);
    return this.issue(userId, state.site.id);
  }
  /**
   * Revokes `token` (RFC 7009): answers the same whether the token was known or not, so it tells nothing. Client
   * credentials, when sent, must be right (`invalid_client`); the token alone is enough to revoke itself.
   */
  async revoke(request, basicAuthorization, address = "local") {
    await this.limiter.countRequest(address);
    const basic = basicCredentials(basicAuthorization);
    const clientId = request.client_id ?? basic?.id;
    const clientSecret = request.client_secret ?? basic?.secret;
    if (clientId !== void 0 || clientSecret !== void 0) {
      const names = clientId === void 0 ? [] : [clientName(clientId, address)];
      await this.limiter.assertNotLockedOut(names);
      if (!this.isClient(clientId, clientSecret)) {
        await this.limiter.recordFailure(names);
        throw invalidClient("unknown client or wrong secret");
      }
    }
    this.tokens.delete(request.token);
  }
  /** The session of an `Authorization` header, or 401/1500. A token whose user has been deleted is dropped. */
  authenticate(authorization, state) {
    if (authorization === void 0) throw unauthorized("an Authorization: Bearer token is required");
    const match2 = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
    if (match2 === null) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const token = match2[1];
    const session = this.tokens.get(token);
    if (session === void 0) throw unauthorized("unknown token");
    if (session.expiresAtMs <= this.nowMs()) {
      this.tokens.delete(token);
      throw unauthorized("the token has expired");
    }
    if (!state.users.has(session.userId)) {
      this.tokens.delete(token);
      throw unauthorized("the token\u2019s user no longer exists");
    }
    return session;
  }
  get size() {
    return this.tokens.size;
  }
  /** Tokens `userId` holds now. */
  tokensOf(userId) {
    return this.tokens.countOf(userId);
  }
  issue(userId, siteId) {
    const token = this.newToken();
    const nowMs = this.nowMs();
    const stored = this.tokens.add(
      token,
      { userId, siteId, expiresAtMs: nowMs + this.lifetimeSeconds * 1e3 },
      nowMs
    );
    if (!stored.ok)
      throw new TooManyRequests(
        Math.max(1, Math.ceil(stored.retryAfterMs / 1e3)),
        "the token table is full of other users\u2019 tokens"
      );
    return {
      access_token: token,
      token_type: "Bearer",
      expires_in: this.lifetimeSeconds,
      scope: connectScope
    };
  }
  isClient(clientId, clientSecret) {
    const idOk = sameSecret(clientId ?? "", this.options.clientId);
    const secretOk = sameSecret(clientSecret ?? "", this.options.clientSecret);
    return clientId !== void 0 && clientSecret !== void 0 && idOk && secretOk;
  }
  passwordUser(request, state) {
    const { username, password } = request;
    if (username === void 0 || password === void 0)
      throw new OAuthError(
        "invalid_request",
        invalidParameter(username === void 0 ? "username" : "password", "the password grant needs it")
      );
    const key = username.toLowerCase();
    let found;
    for (const user of state.users.values()) {
      if (user.id === username || user.email?.toLowerCase() === key) {
        found = { id: user.id, email: user.email?.toLowerCase() };
        break;
      }
    }
    const expected = found === void 0 ? void 0 : this.expectedPassword(found);
    const passwordOk = sameSecret(password, expected ?? demoUserPassword) && expected !== void 0;
    if (found === void 0 || !passwordOk)
      throw new OAuthError(
        "invalid_grant",
        invalidParameter("username or password", "unknown user or wrong password")
      );
    return found.id;
  }
  /** The password that opens this user's account, or undefined when none does. */
  expectedPassword(user) {
    const book = this.options.userPasswords;
    if (book !== void 0)
      return book.get(user.id) ?? (user.email === void 0 ? void 0 : book.get(user.email));
    return this.options.demoPasswords === true ? demoUserPassword : void 0;
  }
};
function clientUser(state) {
  const users = [...state.users.values()];
  const user = users.find((candidate) => candidate.role === "owner") ?? users.find((candidate) => candidate.role === "admin");
  if (user === void 0)
    throw new OAuthError(
      "unauthorized_client",
      new CloudError(2203, `site ${state.site.id} has no owner or admin for the API client to act as`)
    );
  return user.id;
}
function clientName(clientId, address) {
  return `client:${clientId} from ${address}`;
}
function basicCredentials(header) {
  const match2 = header === void 0 ? null : /^Basic[ ]+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (match2 === null) return void 0;
  const decoded = Buffer.from(match2[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return void 0;
  return {
    id: decodeURIComponentSafe(decoded.slice(0, colon)),
    secret: decodeURIComponentSafe(decoded.slice(colon + 1))
  };
}
function decodeURIComponentSafe(text2) {
  try {
    return decodeURIComponent(text2);
  } catch {
    return text2;
  }
}
function sameSecret(given, expected) {
  const digest = (text2) => createHash("sha256").update(text2, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

// node_modules/hono/dist/middleware/body-limit/index.js
var ERROR_MESSAGE = "Payload Too Large";
var bodyLimit = (options) => {
  const onError2 = options.onError || (() => {
    const res = new Response(ERROR_MESSAGE, { status: 413 });
    throw new HTTPException(413, { res });
  });
  const maxSize = options.maxSize;
  return async function bodyLimit2(c, next) {
    if (!c.req.raw.body) return next();
    const hasTransferEncoding = c.req.raw.headers.has("transfer-encoding");
    if (c.req.raw.headers.has("content-length") && !hasTransferEncoding) return parseInt(c.req.raw.headers.get("content-length") || "0", 10) > maxSize ? onError2(c) : next();
    let size = 0;
    let buffer = /* @__PURE__ */ new Uint8Array(0);
    const rawReader = c.req.raw.body.getReader();
    for (; ; ) {
      const { done, value } = await rawReader.read();
      if (done) break;
      const offset = size;
      size += value.length;
      if (size > maxSize) return onError2(c);
      if (size > buffer.length) {
        const grown = new Uint8Array(Math.min(maxSize, Math.max(size, buffer.length * 2)));
        grown.set(buffer.subarray(0, offset));
        buffer = grown;
      }
      buffer.set(value, offset);
    }
    c.req.raw = new Request(c.req.raw, { body: buffer.subarray(0, size) });
    return next();
  };
};

// api/rest/body.ts
var bodyBytesMax = 256 * 1024;
async function readBodyText(request) {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > bodyBytesMax) throw new BodyTooLarge(bodyBytesMax);
  const text2 = await request.text();
  if (text2.length > bodyBytesMax) throw new BodyTooLarge(bodyBytesMax);
  return text2;
}
async function readJsonBody(request) {
  const text2 = await readBodyText(request);
  if (text2.trim() === "") throw malformedRequest("a JSON body is required");
  const problem = jsonTextProblem(text2, { rootPath: "body" });
  if (problem !== void 0) throw malformedRequest(`${problem.path}: ${problem.message}`);
  try {
    return JSON.parse(text2);
  } catch {
    throw malformedRequest("the body is not valid JSON");
  }
}
async function readFormOrJson(request) {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const json2 = await readJsonBody(request);
    if (typeof json2 !== "object" || json2 === null || Array.isArray(json2))
      throw malformedRequest("the body must be a JSON object");
    return json2;
  }
  const fields = {};
  for (const [name, value] of new URLSearchParams(await readBodyText(request)))
    if (!Object.hasOwn(fields, name)) fields[name] = value;
  return fields;
}
function parseBody2(schema, json2) {
  if (typeof json2 !== "object" || json2 === null || Array.isArray(json2))
    throw malformedRequest("the body must be a JSON object");
  const result = schema.safeParse(json2);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === void 0) throw malformedRequest("the body does not fit the request");
  if (issue.code === "unrecognized_keys") {
    throw invalidParameter(formatPath([...issue.path, issue.keys[0] ?? ""]), "no such field in this request");
  }
  throw invalidParameter(issue.path.length === 0 ? "body" : formatPath(issue.path), issue.message);
}
function formatPath(path) {
  let text2 = "";
  for (const segment of path) {
    if (typeof segment === "number") text2 += `[${segment}]`;
    else text2 += text2 === "" ? String(segment) : `.${String(segment)}`;
  }
  return text2;
}

// api/rest/body-limit.ts
var limitBody = bodyLimit({ maxSize: bodyBytesMax, onError: (c) => payloadTooLarge(c, bodyBytesMax) });
var limited = /* @__PURE__ */ new WeakSet();
var requestBodyLimit = async (c, next) => {
  if (limited.has(c.req.raw)) return next();
  const chunked = c.req.header("transfer-encoding") !== void 0;
  const declared = c.req.header("content-length");
  if (!chunked && declared === void 0) return next();
  if (!chunked) return Number(declared) > bodyBytesMax ? payloadTooLarge(c, bodyBytesMax) : next();
  return limitBody(c, async () => {
    limited.add(c.req.raw);
    await next();
  });
};

// api/rest/method-not-allowed.ts
var methodlessPaths = [
  { path: "/v1.2/sites/{site_id}/entries", servedAt: "GET /v1.1/sites/{site_id}/entries" }
];
function pathPattern(path) {
  const escaped = path.split(/\{[a-z_]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
  return new RegExp(`^${escaped}$`);
}
function knownPaths(routes) {
  const byPath = /* @__PURE__ */ new Map();
  for (const route of routes) {
    const known = byPath.get(route.path) ?? { methods: /* @__PURE__ */ new Set(), servedAt: void 0 };
    known.methods.add(route.method);
    byPath.set(route.path, known);
  }
  for (const { path, servedAt } of methodlessPaths)
    if (!byPath.has(path)) byPath.set(path, { methods: /* @__PURE__ */ new Set(), servedAt });
  return [...byPath].map(([path, known]) => ({ path, pattern: pathPattern(path), ...known }));
}
var methodOrder = ["get", "post", "put", "patch", "delete"];
function allowedMethods(paths, pathname) {
  const matches = paths.filter((known) => known.pattern.test(pathname));
  if (matches.length === 0) return void 0;
  const methods = new Set(matches.flatMap((known) => [...known.methods]));
  const allowed = methodOrder.filter((method) => methods.has(method)).map((method) => method.toUpperCase());
  return methods.has("get") ? [allowed[0], "HEAD", ...allowed.slice(1)] : allowed;
}
function wrongMethodAnswer(routes) {
  const paths = knownPaths(routes);
  return async (c, next) => {
    const pathname = new URL(c.req.url).pathname;
    const allowed = allowedMethods(paths, pathname);
    if (allowed === void 0) return next();
    const servedAt = paths.find((known) => known.pattern.test(pathname) && known.servedAt !== void 0);
    const detail = servedAt?.servedAt !== void 0 && allowed.length === 0 ? `${pathname} serves no method in this version; see ${servedAt.servedAt}` : `${c.req.method} is not served on ${pathname}; it serves ${allowed.join(", ")}`;
    return methodNotAllowed(c, allowed, detail);
  };
}

// api/rest/list.ts
var topDefault = 100;
var topMax = 1e3;
var skipMax = 1e9;
var continuationParameter = "continuation_token";
var listOptions = ["$filter", "$orderby", "$top", "$skip"];
function listSchema(item) {
  return external_exports.object({
    items: external_exports.array(item),
    next_page_link: external_exports.string().nullable(),
    count: external_exports.number().int().min(0)
  });
}
function readListQuery(url, fields) {
  for (const name of new Set(url.searchParams.keys())) {
    if (name.startsWith("$") && !listOptions.includes(name)) {
      throw new ODataError(name, "this query option is not supported (use $filter, $orderby, $top, $skip)");
    }
  }
  const filterText = url.searchParams.get("$filter");
  const orderByText = url.searchParams.get("$orderby");
  return {
    filter: filterText === null ? void 0 : parsedOnce(
      fields,
      `$filter=${filterText}`,
      () => parseFilter(filterText, { fields: fields.filterable })
    ),
    orderBy: orderByText === null ? [] : parsedOnce(
      fields,
      `$orderby=${orderByText}`,
      () => parseOrderBy(orderByText, { fields: fields.sortable })
    ),
    top: wholeNumber2(url, "$top", { min: 1, max: topMax, absent: topDefault }),
    skip: wholeNumber2(url, "$skip", { min: 0, max: skipMax, absent: 0 })
  };
}
var parsedOptionsMax = 64;
var parsedOptions = /* @__PURE__ */ new WeakMap();
function parsedOnce(fields, key, parse) {
  let cache = parsedOptions.get(fields);
  if (cache === void 0) {
    cache = /* @__PURE__ */ new Map();
    parsedOptions.set(fields, cache);
  }
  if (cache.has(key)) return cache.get(key);
  const parsed = parse();
  if (cache.size >= parsedOptionsMax) cache.delete(cache.keys().next().value);
  cache.set(key, parsed);
  return parsed;
}
function wholeNumber2(url, name, range) {
  const text2 = url.searchParams.get(name);
  if (text2 === null) return range.absent;
  const value = /^\d{1,10}$/.test(text2) ? Number(text2) : Number.NaN;
  if (!(value >= range.min && value <= range.max))
    throw invalidParameter(name, `a whole number from ${range.min} to ${range.max}`);
  return value;
}
function filtered(items, query) {
  const { filter } = query;
  return filter === void 0 ? [...items] : items.filter((item) => matchesFilter(filter, item));
}
function skipPage(items, query, url) {
  const matching = sortItems(filtered(items, query), query.orderBy);
  const page = matching.slice(query.skip, query.skip + query.top);
  const nextSkip = query.skip + page.length;
  const next = nextSkip < matching.length ? withParameters(url, { $skip: String(nextSkip) }) : null;
  return { items: page, next_page_link: next, count: matching.length };
}
var continuationHeader = "CLP-Continuation-Token";
var continuationTokenLengthMax = 4096;
function continuationListSchema(item) {
  return external_exports.object({
    items: external_exports.array(item),
    continuation_token: external_exports.string().nullable().describe(
      `send it back as the ${continuationHeader} header (or follow next_page_link); null: the last page`
    ),
    next_page_link: external_exports.string().nullable(),
    count: external_exports.number().int().min(0)
  });
}
function continuationPage(source, query, url) {
  if (url.searchParams.has("$skip"))
    throw new ODataError(
      "$skip",
      `this list pages with ${continuationParameter} (the ${continuationHeader} header), not $skip`
    );
  const token = readContinuation(source.continuationToken ?? url.searchParams.get(continuationParameter));
  const matching = matchingPositions(source, query);
  if (token !== void 0 && token.kind === "position" !== (query.orderBy.length === 0))
    throw invalidToken();
  const start = token === void 0 ? 0 : matching.rankAfter(token, query.orderBy);
  const end = Math.min(start + query.top, matching.count);
  const items = [];
  for (let rank = start; rank < end; rank++) items.push(matching.itemAtRank(rank));
  let nextToken = null;
  let next = null;
  if (end < matching.count) {
    const last = end - 1;
    const continuation = query.orderBy.length === 0 ? { kind: "position", position: matching.positionAtRank(end) } : {
      kind: "after",
      position: matching.positionAtRank(last),
      keys: query.orderBy.map((key) => sortValue(matching.itemAtRank(last), key.path))
    };
    nextToken = encodeContinuation(continuation);
    next = withParameters(url, { [continuationParameter]: nextToken });
  }
  return { items, continuation_token: nextToken, next_page_link: next, count: matching.count };
}
function matchingPositions(source, query) {
  const { firstIndex, length } = source;
  if (query.filter === void 0 && query.orderBy.length === 0) {
    return {
      count: length,
      positionAtRank: (rank) => firstIndex + rank,
      itemAtRank: (rank) => source.itemAt(rank),
      rankAfter: (token) => Math.min(length, Math.max(0, token.position - firstIndex))
    };
  }
  if (query.filter === void 0) return sortedByKeys(source, query.orderBy);
  const matches = [];
  for (let index = 0; index < length; index++) {
    const item = source.itemAt(index);
    if (query.filter === void 0 || matchesFilter(query.filter, item))
      matches.push({ position: firstIndex + index, item });
  }
  const ordered = query.orderBy.length === 0 ? matches : sortItems(matches, itemKeys(query.orderBy));
  return {
    count: ordered.length,
    positionAtRank: (rank) => ordered[rank].position,
    itemAtRank: (rank) => ordered[rank].item,
    rankAfter: (token, orderBy) => token.kind === "position" ? lowerBound(ordered, token.position) : rankAfterCursor(matches, token, orderBy)
  };
}
function sortedByKeys(source, orderBy) {
  const keyed = [];
  for (let index = 0; index < source.length; index++) {
    let item;
    const values = orderBy.map((key) => {
      const cheap = source.sortValueAt?.(index, key.path);
      if (cheap !== void 0) return cheap;
      item ??= source.itemAt(index);
      return sortValue(item, key.path);
    });
    keyed.push({ position: source.firstIndex + index, index, item: itemWithValues(orderBy, values) });
  }
  const ordered = sortItems(keyed, itemKeys(orderBy));
  return {
    count: ordered.length,
    positionAtRank: (rank) => ordered[rank].position,
    itemAtRank: (rank) => source.itemAt(ordered[rank].index),
    rankAfter: (token) => {
      if (token.kind === "position") throw invalidToken();
      return rankAfterCursor(keyed, token, orderBy);
    }
  };
}
function itemKeys(orderBy) {
  return orderBy.map((key) => ({ ...key, path: ["item", ...key.path] }));
}
function rankAfterCursor(matches, token, orderBy) {
  if (token.keys.length !== orderBy.length) throw invalidToken();
  const cursor = { position: token.position, item: itemWithValues(orderBy, token.keys) };
  const at = lowerBound(matches, token.position + 1);
  const withCursor = [...matches.slice(0, at), cursor, ...matches.slice(at)];
  return sortItems(withCursor, itemKeys(orderBy)).indexOf(cursor);
}
function sortValue(item, path) {
  let value = item;
  for (const name of path) {
    if (typeof value !== "object" || value === null) return null;
    value = value[name];
  }
  return typeof value === "string" || typeof value === "boolean" || typeof value === "number" && Number.isFinite(value) ? value : null;
}
function itemWithValues(orderBy, values) {
  const root = {};
  orderBy.forEach((key, index) => {
    let node = root;
    key.path.forEach((name, depth) => {
      if (depth === key.path.length - 1) node[name] = values[index];
      else {
        const child = node[name] ?? {};
        node[name] = child;
        node = child;
      }
    });
  });
  return root;
}
function encodeContinuation(token) {
  const json2 = token.kind === "position" ? { v: 1, p: token.position } : { v: 1, a: token.position, k: token.keys };
  return Buffer.from(JSON.stringify(json2)).toString("base64url");
}
function invalidToken() {
  return invalidParameter(
    continuationParameter,
    "not a token this API handed out (send back continuation_token)"
  );
}
var sortKeysMax = 8;
var position = external_exports.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
var tokenSchema = external_exports.union([
  external_exports.strictObject({ v: external_exports.literal(1), p: position }),
  external_exports.strictObject({
    v: external_exports.literal(1),
    a: position,
    k: external_exports.array(external_exports.union([external_exports.string().max(continuationTokenLengthMax), external_exports.number(), external_exports.boolean(), external_exports.null()])).max(sortKeysMax)
  })
]);
function readContinuation(text2) {
  if (text2 === null || text2 === void 0) return void 0;
  if (text2.length > continuationTokenLengthMax || !/^[A-Za-z0-9_-]+$/.test(text2)) throw invalidToken();
  let json2;
  try {
    json2 = JSON.parse(Buffer.from(text2, "base64url").toString("utf8"));
  } catch {
    throw invalidToken();
  }
  const parsed = tokenSchema.safeParse(json2);
  if (!parsed.success) throw invalidToken();
  return "p" in parsed.data ? { kind: "position", position: parsed.data.p } : { kind: "after", position: parsed.data.a, keys: parsed.data.k };
}
function lowerBound(entries, target) {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (entries[middle].position < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
function withParameters(url, changes) {
  const next = new URL(url);
  for (const [name, value] of Object.entries(changes)) {
    if (value === void 0) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  next.search = next.searchParams.toString().replace(/(^|&)%24/g, "$1$$");
  return next.toString();
}

// api/rest/connect-ids.ts
import { createHash as createHash2 } from "node:crypto";
var uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function isUuid(text2) {
  return uuidPattern.test(text2);
}
function hashUuid(text2) {
  const hex = createHash2("sha256").update(text2, "utf8").digest("hex");
  const variant = (Number.parseInt(hex[16], 16) & 3 | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
var memoEntriesMax = 2e5;
var ConnectIds = class {
  constructor(seed) {
    this.seed = seed;
  }
  seed;
  forward = /* @__PURE__ */ new Map();
  backward = /* @__PURE__ */ new Map();
  /** The public id of the record `internalId` of `kind`. */
  publicId(kind, internalId) {
    if (kind !== "site-user" && isUuid(internalId)) return internalId;
    const key = `${kind}\0${internalId}`;
    let id = this.forward.get(key);
    if (id === void 0) {
      id = hashUuid(`lockstep|${this.seed}|${kind}|${internalId}`);
      if (this.forward.size >= memoEntriesMax) {
        this.forward.clear();
        this.backward.clear();
      }
      this.forward.set(key, id);
      this.backward.set(`${kind}\0${id}`, internalId);
    }
    return id;
  }
  /**
   * The internal id behind a public id of `kind`, among `candidates` (the state's records of that kind: a map's
   * or a set's keys); undefined when no such record exists (any more).
   */
  resolve(kind, publicId, candidates) {
    const known = this.backward.get(`${kind}\0${publicId}`);
    if (known !== void 0) return candidates.has(known) ? known : void 0;
    for (const candidate of candidates.keys()) {
      if (this.publicId(kind, candidate) === publicId) return candidate;
    }
    return void 0;
  }
  /** A new id for a record this API creates: the `ordinal`-th of `kind` drawn while recording input `inputIndex`. */
  newId(siteId, inputIndex, kind, ordinal = 0) {
    return hashUuid(`lockstep-new|${this.seed}|${siteId}|${inputIndex}|${kind}|${ordinal}`);
  }
};
function siteUid(seed, siteId) {
  const hex = createHash2("sha256").update(`lockstep-site-uid|${seed}|${siteId}`, "utf8").digest("hex");
  const digits = (BigInt(`0x${hex.slice(0, 15)}`) % 10000000000n).toString().padStart(10, "0");
  return `DE${digits}`;
}
var idsByTwin = /* @__PURE__ */ new WeakMap();
function connectIdsOf(live) {
  let ids = idsByTwin.get(live);
  if (ids === void 0) {
    ids = new ConnectIds(live.seed);
    idsByTwin.set(live, ids);
  }
  return ids;
}

// api/rest/route-table.ts
function defineRoute(definition) {
  return definition;
}
function pathParameters(path) {
  return [...path.matchAll(/\{([a-z_]+)\}/g)].map((match2) => match2[1]);
}
function honoPath(path) {
  return path.replace(/\{([a-z_]+)\}/g, ":$1");
}
function routeErrors(route) {
  const codes = /* @__PURE__ */ new Set([2201, ...route.errors]);
  if (route.auth !== "none") codes.add(1500);
  if (pathParameters(route.path).length > 0) codes.add(3104);
  if (route.body !== void 0) codes.add(1100).add(1101);
  if (route.response.kind === "list") codes.add(1101).add(1102);
  return [...codes].sort((a, b) => a - b);
}
var fieldsCache = /* @__PURE__ */ new WeakMap();
function itemFields(schema) {
  const cached2 = fieldsCache.get(schema);
  if (cached2 !== void 0) return cached2;
  const filterable = /* @__PURE__ */ new Set();
  const sortable = /* @__PURE__ */ new Set();
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = prefix === "" ? name : `${prefix}/${name}`;
      const variants = child.anyOf ?? [child];
      const object = variants.find((variant) => variant.properties !== void 0);
      if (object !== void 0) {
        walk(object, path);
        continue;
      }
      filterable.add(path);
      if (!variants.some((variant) => variant.type === "array")) sortable.add(path);
    }
  };
  walk(external_exports.toJSONSchema(schema, { io: "output", unrepresentable: "any" }), "");
  const fields = { filterable, sortable };
  fieldsCache.set(schema, fields);
  return fields;
}
function mountRoutes(app, routes, services) {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), (c) => handleRoute(c, route, services));
  }
}
function remoteAddress(c) {
  const env = c.env;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}
function siteOfPath(pathSiteId, ids, siteId) {
  if (!isUuid(pathSiteId))
    throw malformedRequest(`a site is named by its id (a UUID) in paths, not ${JSON.stringify(pathSiteId)}`);
  if (ids.publicId("site", siteId) !== pathSiteId) throw notFound(`site ${pathSiteId}`);
  return siteId;
}
async function handleRoute(c, route, services) {
  const { live } = services;
  const state = live.twin.cloud.state;
  const session = route.auth === "none" ? void 0 : services.auth.authenticate(c.req.header("authorization"), state);
  const params = {};
  for (const name of pathParameters(route.path)) params[name] = c.req.param(name) ?? "";
  const ids = connectIdsOf(live);
  if (params.site_id !== void 0) params.site_id = siteOfPath(params.site_id, ids, state.site.id);
  if (session !== void 0 && params.site_id !== void 0 && params.site_id !== session.siteId)
    throw notFound(`site ${params.site_id}`);
  const url = new URL(c.req.url);
  const query = route.response.kind === "list" ? readListQuery(url, itemFields(route.response.schema)) : void 0;
  let body = void 0;
  if (route.body !== void 0) {
    const json2 = route.bodyFormat === "form-or-json" ? await readFormOrJson(c.req.raw) : await readJsonBody(c.req.raw);
    body = parseBody2(route.body, json2);
  }
  const context = {
    services,
    live,
    // Changes go through the live twin as inputs, so an exported session replays them.
    core: live.recordingCore(),
    actorId: session?.userId ?? "",
    params,
    ids,
    body,
    url,
    request: c.req.raw,
    clientAddress: remoteAddress(c)
  };
  const result = await route.handle(context);
  const { response } = route;
  switch (response.kind) {
    case "empty":
      return c.body(null, response.status ?? 204);
    case "item":
      return c.json(result, response.status ?? 200);
    case "list": {
      const source = result;
      const listQuery = query;
      if (Array.isArray(source)) {
        return c.json(
          response.paging === "continuation" ? continuationPage(
            { length: source.length, firstIndex: 0, itemAt: (index) => source[index] },
            listQuery,
            url
          ) : skipPage(source, listQuery, url)
        );
      }
      const log = source;
      return c.json(continuationPage(log, listQuery, url));
    }
  }
}

// api/rest/openapi.ts
var description = `The REST API of the lockstep live twin (a deterministic digital twin of a cloud smart-lock site).

**Auth.** \`POST /connect/token\` with \`grant_type=client_credentials\` (the server's client id and secret; the client acts as the site's first owner, else its first admin) or \`grant_type=password\` (\`username\` = a twin user's id or email; \`password\` = the user's entry in the server's password file, or without one, on a loopback server only, \`${demoUserPassword}\`, the demo password of every twin user). Send the token as \`Authorization: Bearer <token>\` (else 401/1500). Tokens last \`expires_in\` seconds of wall-clock time, are revoked with \`POST /connect/revocation\` (RFC 7009), and are bounded: ${tokensPerUserMax} per user (a new one replaces the same user's oldest), ${tokensMax} in all. The token endpoints are rate limited per address, per username and per client_id, with back-off after failed attempts: 429/1500 with \`Retry-After\`. The token's user is the actor of every operation, so the cloud's role rules apply (2203). A token sees only its own site: any other \`site_id\` is 404/3104.

**Errors.** Every error is \`{"ErrorCode": <code>, "Message": "<text>"}\` with the HTTP status of the service's error table (\`x-error-table\`). Where the table says \`???\` we chose: 1101 (invalid parameter) is 400; 3010 and 3201 are 500; 3102 is 408 (the lock did not answer in time). Malformed JSON is 400/1100, a body over ${bodyBytesMax} bytes 413/1100 (checked while it streams; the connection is closed), a change the live session refuses (it keeps a bounded number of inputs) 403/2203, an invalid value 400/1101 naming the field, a malformed OData option 400/1102, an unknown path 404/3104, anything unexpected 500/2201.

**Lists** answer \`{"items": [...], "next_page_link": string|null, "count": N}\` (\`count\`: items passing \`$filter\`, all pages together) and take \`$filter\` (\`eq ne gt ge lt le and or not\`, brackets, \`contains(field,'x')\`, \`startswith\`, \`endswith\`; literals: 'text' with '' for a quote, numbers, true, false, null, date-times like 2026-03-02T08:00:00Z compared as instants; nested fields with /), \`$orderby\` (\`field asc, other desc\`), \`$top\` (1\u2013${topMax}, default ${topDefault}) and \`$skip\`.`;
var errorSchema = {
  type: "object",
  required: ["ErrorCode", "Message"],
  properties: { ErrorCode: { type: "integer" }, Message: { type: "string" } },
  additionalProperties: false
};
function buildOpenApiDocument(routes, version) {
  const paths = {};
  for (const route of routes) {
    const operations = paths[route.path] ??= {};
    if (operations[route.method] !== void 0)
      throw new Error(`two routes for ${route.method.toUpperCase()} ${route.path}`);
    operations[route.method] = operation(route);
  }
  const errorTableDoc = Object.fromEntries(
    Object.entries(errorTable).map(([code, row]) => [code, { status: row.httpStatus, message: row.message }])
  );
  return {
    openapi: "3.1.0",
    info: { title: "lockstep REST API", version, description },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          flows: {
            clientCredentials: { tokenUrl: "/connect/token", scopes: {} },
            password: { tokenUrl: "/connect/token", scopes: {} }
          }
        },
        bearer: { type: "http", scheme: "bearer" }
      }
    },
    "x-error-table": errorTableDoc
  };
}
function operation(route) {
  const parameters = pathParameters(route.path).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" }
  }));
  if (route.response.kind === "list")
    parameters.push(...listParameters(route.response.paging === "continuation"));
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...route.description === void 0 ? {} : { description: route.description },
    tags: [route.tag],
    ...route.auth === "none" ? { security: [] } : { security: [{ oauth2: [] }, { bearer: [] }] },
    parameters,
    ...route.body === void 0 ? {} : { requestBody: requestBody(route) },
    responses: responses(route)
  };
}
function listParameters(continuation) {
  const parameters = [
    {
      name: "$filter",
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "OData filter, e.g. `lock_id eq 'lock-front' and utc_date_time ge 2026-03-02T08:00:00Z` (malformed: 400/1102)"
    },
    {
      name: "$orderby",
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "e.g. `name asc, id desc` (malformed or unknown field: 400/1102)"
    },
    {
      name: "$top",
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: topMax, default: topDefault }
    }
  ];
  if (!continuation)
    parameters.push({
      name: "$skip",
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 0, default: 0 }
    });
  if (continuation) {
    parameters.push({
      name: continuationHeader,
      in: "header",
      required: false,
      schema: { type: "string" },
      description: "the previous page\u2019s continuation_token: where the next page starts ($skip is refused: 400/1102)"
    });
    parameters.push({
      name: continuationParameter,
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "from next_page_link: where the next page starts"
    });
  }
  return parameters;
}
function requestBody(route) {
  const schema = jsonSchema(route.body, "input");
  const content = { "application/json": { schema } };
  if (route.bodyFormat === "form-or-json") content["application/x-www-form-urlencoded"] = { schema };
  return { required: true, content };
}
function responses(route) {
  const result = {};
  const { response } = route;
  if (response.kind === "empty")
    result[String(response.status ?? 204)] = { description: response.status === 202 ? "Accepted" : "Done" };
  else {
    const schema = response.kind !== "list" ? response.schema : response.paging === "continuation" ? continuationListSchema(response.schema) : listSchema(response.schema);
    const status = response.kind === "item" ? response.status ?? 200 : 200;
    result[String(status)] = {
      description: response.kind === "list" ? "A page of the list" : "The resource",
      content: { "application/json": { schema: jsonSchema(schema, "output") } }
    };
  }
  const byStatus = /* @__PURE__ */ new Map();
  for (const code of routeErrors(route)) {
    const status = errorTable[code].httpStatus;
    byStatus.set(status, [...byStatus.get(status) ?? [], code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    result[String(status)] = errorResponse(
      codes.map((code) => `${code}: ${errorTable[code].message}`).join("\n"),
      codes
    );
  }
  if (route.body !== void 0)
    result["413"] = errorResponse(`${offTableStatuses[413]}: the body is larger than ${bodyBytesMax} bytes`, [
      offTableStatuses[413]
    ]);
  if (route.rateLimited === true) {
    result["429"] = {
      ...errorResponse(
        `${offTableStatuses[429]}: too many requests or failed attempts; wait Retry-After seconds`,
        [offTableStatuses[429]],
        {
          error: { type: "string", enum: ["slow_down"] },
          error_description: { type: "string" }
        }
      ),
      headers: { "Retry-After": { schema: { type: "integer", minimum: 1 }, description: "seconds to wait" } }
    };
  }
  return result;
}
function errorResponse(text2, codes, extraProperties = {}) {
  return {
    description: text2,
    content: {
      "application/json": {
        schema: {
          ...errorSchema,
          properties: {
            ...errorSchema.properties,
            ErrorCode: { type: "integer", enum: codes },
            ...extraProperties
          }
        }
      }
    }
  };
}
function jsonSchema(schema, io) {
  const { $schema: _dialect, ...rest } = external_exports.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

// api/rest/connect-resolve.ts
function recordsOf(state, kind) {
  switch (kind) {
    case "lock":
      return state.locks;
    case "iq":
      return state.iqs;
    case "access-group":
      return state.accessGroups;
    case "tag":
      return state.tags;
    case "pod":
      return state.pods;
  }
}
function recordOf({ ids, core }, kind, publicId) {
  const id = ids.resolve(kind, publicId, recordsOf(core.state, kind));
  if (id === void 0) throw notFound(`${kind} ${publicId}`);
  return id;
}
function userNotFound(detail) {
  return new CloudError(2202, detail);
}
function userOf({ ids, core }, kind, publicId) {
  const id = ids.resolve(kind, publicId, core.state.users);
  if (id === void 0)
    throw userNotFound(`no user with ${kind === "user" ? "platform" : "site-user"} id ${publicId}`);
  return id;
}

// api/rest/shapes/access-groups.ts
var idText = external_exports.string().max(200);
var referenceText = external_exports.string().max(200);
var accessGroupSchema = external_exports.object({
  id: external_exports.string().describe("the group\u2019s UUID"),
  customer_reference: external_exports.string().describe("the group\u2019s name")
});
var accessGroupMemberSchema = external_exports.object({
  id: external_exports.string().describe("the platform user id (not the site-user id of /users/{id})"),
  first_name: external_exports.string().nullable(),
  last_name: external_exports.string().nullable(),
  email: external_exports.string().nullable()
});
var accessGroupLockSchema = external_exports.object({
  id: external_exports.string().describe("the lock\u2019s UUID"),
  customer_reference: external_exports.string()
});
var accessGroupCreateSchema = external_exports.strictObject({
  customer_reference: referenceText.describe("the group\u2019s name (1\u2013200 characters)")
});
var accessGroupPatchSchema = external_exports.strictObject({
  customer_reference: referenceText.describe("the group\u2019s new name")
});
var accessGroupMemberAddSchema = external_exports.strictObject({
  user_id: idText.describe("the platform user id (`user.id` of a site user); the site-user id is 404/2202")
});
var accessGroupLockAddSchema = external_exports.strictObject({
  lock_id: idText.describe("the lock\u2019s UUID")
});
function accessGroupView(ids, group) {
  return { id: ids.publicId("access-group", group.id), customer_reference: group.name };
}
function accessGroupMemberView(ids, user) {
  return {
    id: ids.publicId("user", user.id),
    first_name: user.firstName ?? null,
    last_name: user.lastName ?? null,
    email: user.email ?? null
  };
}
function accessGroupLockView(ids, lock) {
  return { id: ids.publicId("lock", lock.id), customer_reference: lock.name };
}

// api/rest/routes/paths.ts
var sitePath = "/v1.2/sites/{site_id}";
var entriesSitePath = "/v1.1/sites/{site_id}";

// api/rest/routes/access-groups.ts
var tag = "access groups";
var changeErrors = [2203, 2210, 2222];
function sitePathOf(version) {
  return sitePath.replace("/v1.2/", `/${version}/`);
}
function groupsPathOf(version) {
  return `${sitePathOf(version)}/access_groups`;
}
function groupPathOf(version) {
  return `${groupsPathOf(version)}/{access_group_id}`;
}
function pathGroupId(context) {
  return recordOf(context, "access-group", context.params.access_group_id);
}
var groupsPath = groupsPathOf("v1.2");
var groupPath = groupPathOf("v1.2");
var groupRoutes = [
  defineRoute({
    method: "get",
    path: groupsPath,
    operationId: "listAccessGroups",
    summary: "The site\u2019s access groups",
    description: "The site spec\u2019s per-lock access lists appear as groups too (named \u201CEveryone (site spec)\u201D \u2026).",
    tag,
    response: { kind: "list", schema: accessGroupSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listAccessGroups(actorId).map((group) => accessGroupView(ids, group))
  }),
  defineRoute({
    method: "get",
    path: groupPath,
    operationId: "getAccessGroup",
    summary: "One access group",
    tag,
    response: { kind: "item", schema: accessGroupSchema },
    errors: [2210],
    handle: (context) => accessGroupView(context.ids, context.core.getAccessGroup(context.actorId, pathGroupId(context)))
  }),
  defineRoute({
    method: "post",
    path: groupsPath,
    operationId: "createAccessGroup",
    summary: "Creates an access group (no members, locks or schedules yet)",
    description: "Answers 201 with the new group\u2019s id (a UUID the twin draws). It grants nothing until it has a time schedule.",
    tag,
    body: accessGroupCreateSchema,
    response: { kind: "item", status: 201, schema: accessGroupSchema },
    errors: changeErrors,
    handle: ({ core, actorId, ids, live, params, body }) => {
      const id = ids.newId(params.site_id, live.inputCount, "access-group");
      return accessGroupView(ids, core.createAccessGroup(actorId, { id, name: body.customer_reference }));
    }
  }),
  defineRoute({
    method: "patch",
    path: groupPath,
    operationId: "renameAccessGroup",
    summary: "Renames an access group (customer_reference)",
    tag,
    body: accessGroupPatchSchema,
    response: { kind: "item", schema: accessGroupSchema },
    errors: changeErrors,
    handle: (context) => accessGroupView(
      context.ids,
      context.core.renameAccessGroup(
        context.actorId,
        pathGroupId(context),
        context.body.customer_reference
      )
    )
  }),
  defineRoute({
    method: "delete",
    path: groupPath,
    operationId: "deleteAccessGroup",
    summary: "Deletes an access group (its members lose the access it gave)",
    tag,
    response: { kind: "empty" },
    errors: changeErrors,
    handle: (context) => context.core.deleteAccessGroup(context.actorId, pathGroupId(context))
  })
];
var memberRoutes = [
  defineRoute({
    method: "get",
    path: `${groupPath}/users`,
    operationId: "listAccessGroupUsers",
    summary: "The group\u2019s members, by platform user id",
    tag,
    response: { kind: "list", schema: accessGroupMemberSchema },
    errors: [2210],
    handle: (context) => {
      const group = context.core.getAccessGroup(context.actorId, pathGroupId(context));
      const { users } = context.core.state;
      return group.userIds.flatMap((id) => {
        const user = users.get(id);
        return user === void 0 ? [] : [accessGroupMemberView(context.ids, user)];
      });
    }
  }),
  defineRoute({
    method: "post",
    path: `${groupPath}/users`,
    operationId: "addAccessGroupUser",
    summary: "Adds one user to the group, by platform user id (`user.id`)",
    description: "The platform id is the site user\u2019s `user.id`, not its `id`: the site-user id answers 404/2202 \u201CUser not found\u201D. Adding a member again changes nothing.",
    tag,
    body: accessGroupMemberAddSchema,
    response: { kind: "item", status: 201, schema: accessGroupMemberSchema },
    errors: [...changeErrors, 2202],
    handle: (context) => {
      const groupId = pathGroupId(context);
      const userId = userOf(context, "user", context.body.user_id);
      context.core.addGroupUsers(context.actorId, groupId, [userId]);
      const user = context.core.state.users.get(userId);
      if (user === void 0) throw userNotFound(`no user with platform id ${context.body.user_id}`);
      return accessGroupMemberView(context.ids, user);
    }
  }),
  defineRoute({
    method: "delete",
    path: `${groupPath}/users/{user_id}`,
    operationId: "removeAccessGroupUser",
    summary: "Removes one member from the group, by platform user id",
    description: "A user who is not a member (or the site-user id) answers 404/2202.",
    tag,
    response: { kind: "empty" },
    errors: [...changeErrors, 2202],
    handle: (context) => {
      const groupId = pathGroupId(context);
      const publicUserId = context.params.user_id;
      const userId = userOf(context, "user", publicUserId);
      const group = context.core.getAccessGroup(context.actorId, groupId);
      if (!group.userIds.includes(userId)) throw userNotFound(`${publicUserId} is not in the group`);
      context.core.removeGroupUsers(context.actorId, groupId, [userId]);
    }
  })
];
function lockRoutesOf(version) {
  const locksPath2 = `${groupPathOf(version)}/locks`;
  const suffix = version === "v1.1" ? "V11" : "";
  return [
    defineRoute({
      method: "get",
      path: locksPath2,
      operationId: `listAccessGroupLocks${suffix}`,
      summary: "The group\u2019s locks",
      tag,
      response: { kind: "list", schema: accessGroupLockSchema },
      errors: [2210],
      handle: (context) => {
        const group = context.core.getAccessGroup(context.actorId, pathGroupId(context));
        const { locks } = context.core.state;
        return group.lockIds.flatMap((id) => {
          const lock = locks.get(id);
          return lock === void 0 ? [] : [accessGroupLockView(context.ids, lock)];
        });
      }
    }),
    defineRoute({
      method: "post",
      path: locksPath2,
      operationId: `addAccessGroupLock${suffix}`,
      summary: "Adds one lock to the group",
      description: "Adding a lock again changes nothing.",
      tag,
      body: accessGroupLockAddSchema,
      response: { kind: "item", status: 201, schema: accessGroupLockSchema },
      errors: changeErrors,
      handle: (context) => {
        const groupId = pathGroupId(context);
        const lockId2 = recordOf(context, "lock", context.body.lock_id);
        context.core.addGroupLocks(context.actorId, groupId, [lockId2]);
        const lock = context.core.state.locks.get(lockId2);
        if (lock === void 0) throw notFound(`lock ${context.body.lock_id}`);
        return accessGroupLockView(context.ids, lock);
      }
    }),
    defineRoute({
      method: "delete",
      path: `${locksPath2}/{lock_id}`,
      operationId: `removeAccessGroupLock${suffix}`,
      summary: "Removes one lock from the group",
      description: "A lock that is not in the group answers 404/3104.",
      tag,
      response: { kind: "empty" },
      errors: changeErrors,
      handle: (context) => {
        const groupId = pathGroupId(context);
        const publicLockId = context.params.lock_id;
        const lockId2 = recordOf(context, "lock", publicLockId);
        const group = context.core.getAccessGroup(context.actorId, groupId);
        if (!group.lockIds.includes(lockId2)) throw notFound(`lock ${publicLockId} is not in the group`);
        context.core.removeGroupLocks(context.actorId, groupId, [lockId2]);
      }
    })
  ];
}
var accessGroupRoutes = [
  ...groupRoutes,
  ...memberRoutes,
  ...lockRoutesOf("v1.1"),
  ...lockRoutesOf("v1.2")
];

// api/rest/shapes/entries.ts
import { createHash as createHash3 } from "node:crypto";
var unknownPinUserId = "00000000-0000-0000-0000-000000000000";
var eventDetails = ["no_access", "suspended", "offline", "start", "end"];
var accessMethods = ["tag", "pin_code", "digital_key", "inside_handle", "remote"];
var entryTtlSeconds = 90 * 24 * 60 * 60;
var entryTtlMs = entryTtlSeconds * 1e3;
var iqRevision = "2.0";
var entrySchema = external_exports.object({
  id: external_exports.string().describe("the entry\u2019s UUID"),
  event_category: external_exports.string().describe("lock_opened, lock_rejected, easy_office_mode, manual_office_mode, intrusion, not_closed, \u2026"),
  event_detail: external_exports.enum(eventDetails).nullable().describe(
    "refusals: no_access, suspended (or null: refused by a setting such as use_pin false); office modes: start, end"
  ),
  utc_date_time: external_exports.string().describe("when the lock recorded it (its own clock), UTC, whole seconds"),
  local_date_time: external_exports.string().describe("the same instant in the site\u2019s wall-clock time, without offset"),
  lock_id: external_exports.string(),
  lock_mac_address: external_exports.string(),
  lock_customer_reference: external_exports.string().nullable(),
  user_id: external_exports.string().nullable().describe(`the platform user id; ${unknownPinUserId} for a PIN the lock does not know`),
  user_first_name: external_exports.string().nullable(),
  user_last_name: external_exports.string().nullable(),
  user_image_url: external_exports.string().nullable(),
  user_alias: external_exports.string().nullable(),
  iq_id: external_exports.string().nullable(),
  iq_customer_reference: external_exports.string().nullable(),
  iq_mac_address: external_exports.string().nullable(),
  iq_revision: external_exports.string().nullable(),
  exit_requested: external_exports.boolean().describe("opened from inside (the handle)"),
  access_by: external_exports.enum(accessMethods).nullable(),
  access_detail: external_exports.string().describe("always empty in the twin (the service shows the tag number)"),
  ttl_in_seconds: external_exports.number().int(),
  expiration_date_time: external_exports.string().describe("when the log lets the entry go (90 days after it arrived)")
});
var refusalDetails = {
  "user suspended": "suspended",
  "pin not enabled for this user": null,
  "no keypad on this lock": null,
  "battery very low": null
};
var unknownCredential = "credential not on this lock";
function eventDetailOf(entry) {
  switch (entry.category) {
    case "lock_rejected":
      if (entry.detail === unknownCredential) return entry.method === "pin_code" ? "no_access" : null;
      return Object.hasOwn(refusalDetails, entry.detail) ? refusalDetails[entry.detail] : "no_access";
    case "easy_office_mode":
    case "manual_office_mode":
      return entry.detail.startsWith("office mode on") ? "start" : "end";
    default:
      return null;
  }
}
function entryIdPrefix(seed) {
  const hex = createHash3("sha256").update(`lockstep-entry|${seed}`, "utf8").digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-`;
}
function entryId(prefix, position2) {
  return `${prefix}${position2.toString(16).padStart(12, "0")}`;
}
function macOf(publicId, bytes, separator) {
  const hex = publicId.replaceAll("-", "").toUpperCase();
  const parts = [];
  for (let index = 0; index < bytes; index++) parts.push(hex.slice(index * 2, index * 2 + 2));
  return parts.join(separator);
}
function wholeSeconds(isoText) {
  return isoText.replace(/\.\d+(?=Z?$)/, "");
}
function entrySortValue(entry, path) {
  if (path.length !== 1) return void 0;
  switch (path[0]) {
    case "utc_date_time":
      return wholeSeconds(entry.utcDateTime);
    case "local_date_time":
      return wholeSeconds(entry.localDateTime);
    case "event_category":
      return entry.category;
    default:
      return void 0;
  }
}
function entryView(context, entry, position2) {
  const { ids, state } = context;
  const detail = eventDetailOf(entry);
  const user = entry.userId === void 0 ? void 0 : state.users.get(entry.userId);
  const lock = state.locks.get(entry.lockId);
  const lockId2 = ids.publicId("lock", entry.lockId);
  const iqId = lock === void 0 ? void 0 : ids.publicId("iq", lock.iqId);
  let userId = null;
  if (entry.userId !== void 0) userId = ids.publicId("user", entry.userId);
  else if (detail === "no_access" && entry.method === "pin_code") userId = unknownPinUserId;
  return {
    id: entryId(context.idPrefix, position2),
    event_category: entry.category,
    event_detail: detail,
    utc_date_time: wholeSeconds(entry.utcDateTime),
    local_date_time: wholeSeconds(entry.localDateTime),
    lock_id: lockId2,
    lock_mac_address: macOf(lockId2, 7, ""),
    lock_customer_reference: lock?.name ?? null,
    user_id: userId,
    user_first_name: user?.firstName ?? null,
    user_last_name: user?.lastName ?? null,
    user_image_url: null,
    user_alias: user?.name ?? null,
    iq_id: iqId ?? null,
    iq_customer_reference: lock === void 0 ? null : context.iqNames.get(lock.iqId) ?? null,
    iq_mac_address: iqId === void 0 ? null : macOf(iqId, 3, "."),
    iq_revision: iqId === void 0 ? null : iqRevision,
    exit_requested: entry.method === "inside_handle",
    access_by: entry.method ?? null,
    access_detail: "",
    ttl_in_seconds: entryTtlSeconds,
    expiration_date_time: new Date(context.epochUtcMs + entry.receivedMs + entryTtlMs).toISOString()
  };
}

// api/rest/routes/entries.ts
var entryRoutes = [
  defineRoute({
    method: "get",
    path: `${entriesSitePath}/entries`,
    operationId: "listEntries",
    summary: "The site\u2019s entries, in the order the cloud received them (or as $orderby says)",
    description: `Paged with a continuation token: each page's \`continuation_token\` (null on the last page) goes back in the \`${continuationHeader}\` request header (or the \`continuation_token\` query parameter, as in next_page_link). In log order the token names where to go on, so entries that arrive between pages are neither repeated nor skipped; with \`$orderby=utc_date_time desc\` (newest first) the next page starts right after the last entry shown. \`$skip\` is refused (400/1102), and so is an $orderby field entries do not have. On the service an empty page may still carry a token, so follow tokens until one is null; the twin's last page always has a null token.`,
    tag: "entries",
    response: { kind: "list", schema: entrySchema, paging: "continuation" },
    errors: [2210],
    handle: ({ core, actorId, live, ids, request }) => {
      core.getSite(actorId);
      const log = live.twin.entries;
      const entries = log.entries();
      const context = {
        ids,
        state: core.state,
        idPrefix: entryIdPrefix(live.seed),
        epochUtcMs: live.twin.epochUtcMs,
        iqNames: new Map(live.spec.iqs.map((iq) => [iq.id, iq.name]))
      };
      const firstIndex = log.dropped;
      const source = {
        length: entries.length,
        firstIndex,
        itemAt: (index) => entryView(context, entries[index], firstIndex + index),
        sortValueAt: (index, path) => entrySortValue(entries[index], path),
        continuationToken: request.headers.get(continuationHeader) ?? void 0
      };
      return source;
    }
  })
];

// api/rest/shapes/iqs.ts
var dataSyncStates = ["synced", "pending", "not_synced", "failed"];
var signalStrengthConnected = 21;
var iqSchema = external_exports.object({
  id: external_exports.string(),
  customer_reference: external_exports.string().describe("the IQ\u2019s name"),
  online: external_exports.boolean().describe("powered and connected to the cloud"),
  otp_enabled: external_exports.boolean().describe("remote opening through this IQ needs a one-time password"),
  restore_required: external_exports.boolean(),
  data_sync_state: external_exports.enum(dataSyncStates),
  signal_strength: external_exports.number().int()
});
var iqPatchSchema = external_exports.strictObject({
  otp_enabled: external_exports.boolean().describe("switches the one-time password for remote openings on or off")
});
var iqPinChangeSchema = external_exports.strictObject({
  otp: external_exports.string().max(64).describe("a one-time password of the first secret and the current IQ PIN"),
  delta: external_exports.string().max(16).describe('4 digits; new PIN = old \u2212 delta digit by digit (mod 10); "0000" keeps it')
});
var iqSecretSchema = external_exports.string().describe("the first secret: a bare JSON string of 32 upper-case hex characters");
var activatedIqSchema = external_exports.object({
  iq_id: external_exports.string(),
  activated: external_exports.boolean().describe("false between reading the secret or the mailed PIN and the PIN change"),
  activation_date: external_exports.string().nullable().describe("when the PIN was first changed (UTC, whole seconds)")
});
var userActivatedIqSchema = external_exports.object({
  id: external_exports.string(),
  customer_reference: external_exports.string(),
  otp_enabled: external_exports.boolean()
});
var specIndexes = /* @__PURE__ */ new WeakMap();
function specOf(live, iqId) {
  let index = specIndexes.get(live);
  if (index === void 0) {
    index = new Map(live.spec.iqs.map((iq) => [iq.id, iq]));
    specIndexes.set(live, index);
  }
  return index.get(iqId);
}
function iqView(live, ids, iq) {
  const spec = specOf(live, iq.id);
  const device = spec === void 0 ? void 0 : live.twin.iqView(iq.id);
  const online = device?.connected ?? false;
  return {
    id: ids.publicId("iq", iq.id),
    customer_reference: spec?.name ?? iq.id,
    online,
    otp_enabled: iq.otpEnabled,
    restore_required: false,
    data_sync_state: device === void 0 || !iq.activated ? "not_synced" : device.sync,
    signal_strength: online ? signalStrengthConnected : 0
  };
}
function userActivatedIqView(live, ids, iq) {
  const { id, customer_reference, otp_enabled } = iqView(live, ids, iq);
  return { id, customer_reference, otp_enabled };
}
function utcSeconds(utcMs) {
  return `${new Date(utcMs).toISOString().slice(0, 19)}Z`;
}
function activatedIqView(ids, activation) {
  return {
    iq_id: ids.publicId("iq", activation.iqId),
    activated: activation.activatedAtUtcMs !== void 0,
    activation_date: activation.activatedAtUtcMs === void 0 ? null : utcSeconds(activation.activatedAtUtcMs)
  };
}

// api/rest/routes/iqs.ts
var iqsPath = `${sitePath}/iqs`;
var iqPath = `${iqsPath}/{iq_id}`;
function iqIdOf(context) {
  return recordOf(context, "iq", context.params.iq_id);
}
var iqRoutes = [
  defineRoute({
    method: "get",
    path: iqsPath,
    operationId: "listIqs",
    summary: "The site\u2019s IQs: online, one-time password on or off, data sync state, signal",
    tag: "iqs",
    response: { kind: "list", schema: iqSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => core.listIqs(actorId).map((iq) => iqView(live, ids, iq))
  }),
  defineRoute({
    method: "get",
    path: iqPath,
    operationId: "getIq",
    summary: "One IQ",
    tag: "iqs",
    response: { kind: "item", schema: iqSchema },
    errors: [2210],
    handle: (context) => iqView(context.live, context.ids, context.core.getIq(context.actorId, iqIdOf(context)))
  }),
  defineRoute({
    method: "patch",
    path: iqPath,
    operationId: "updateIq",
    summary: "Switches the one-time password for remote openings through this IQ on or off (admins and owners)",
    description: "A site spec\u2019s IQs have it off unless they say `otpEnabled: true`, so simple demos open without one.",
    tag: "iqs",
    body: iqPatchSchema,
    response: { kind: "item", schema: iqSchema },
    errors: [2203, 2210],
    handle: (context) => iqView(
      context.live,
      context.ids,
      context.core.setIqOtp(context.actorId, iqIdOf(context), context.body.otp_enabled)
    )
  }),
  defineRoute({
    method: "get",
    path: `${iqPath}/secret`,
    operationId: "getIqFirstSecret",
    summary: "The caller\u2019s first secret on this IQ (a bare JSON string), only before activation",
    description: "The same secret on every call until the caller has activated the IQ; afterwards 403/2203. Begins the activation: the IQ appears in the caller\u2019s activated IQs with `activated: false`.",
    tag: "iqs",
    response: { kind: "item", schema: iqSecretSchema },
    errors: [2203, 2210],
    handle: (context) => {
      const iqId = iqIdOf(context);
      const secret = iqSecretOf(context.params.site_id, context.actorId, iqId);
      return context.core.handOutIqSecret(context.actorId, iqId, secret);
    }
  }),
  defineRoute({
    method: "get",
    path: `${iqPath}/pin`,
    operationId: "sendIqPin",
    summary: "Mails the caller\u2019s IQ PIN (4 digits) into the outbox (`send_email=true`), only before activation",
    description: "Answers 204. `send_email` must be `true`: the twin never answers the PIN in the body. The same PIN is mailed again on every call until activation; afterwards 403/2203. A caller without an email address gets 403/2203.",
    tag: "iqs",
    response: { kind: "empty" },
    errors: [1101, 2203, 2210],
    handle: (context) => {
      const iqId = iqIdOf(context);
      if (context.url.searchParams.get("send_email") !== "true")
        throw invalidParameter("send_email", "the twin only mails the IQ PIN: send_email=true");
      const pin = iqPinOf(context.params.site_id, context.actorId, iqId);
      context.core.mailIqPin(context.actorId, iqId, pin);
    }
  }),
  defineRoute({
    method: "put",
    path: `${iqPath}/pin`,
    operationId: "changeIqPin",
    summary: "Changes the caller\u2019s IQ PIN with a valid one-time password: the first change activates the IQ",
    description: "`otp` is made of the first secret and the current PIN; `delta` is 4 digits and the new PIN is the old one minus `delta`, digit by digit, mod 10 (`0000` keeps it). Answers 204. A wrong code is 400/3102 otp_invalid, the third in a row 403/3102 otp_blocked for 5 virtual minutes.",
    tag: "iqs",
    body: iqPinChangeSchema,
    response: { kind: "empty" },
    errors: [2203, 2210, 3102],
    handle: (context) => {
      context.core.changeIqPin(context.actorId, iqIdOf(context), context.body.otp, context.body.delta);
    }
  }),
  defineRoute({
    method: "get",
    path: "/v1.2/me/{site_id}/activated_iqs",
    operationId: "listActivatedIqs",
    summary: "The IQs the caller has begun or finished activating on the site",
    tag: "iqs",
    response: { kind: "list", schema: activatedIqSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listActivatedIqs(actorId).map((activation) => activatedIqView(ids, activation))
  }),
  defineRoute({
    method: "get",
    path: `${sitePath}/users/{user_id}/activated_iqs`,
    operationId: "listUserActivatedIqs",
    summary: "The IQs a site user (by site-user id) has activated",
    description: "Only IQs whose activation is done (the PIN changed); the platform id here is 404/2202.",
    tag: "iqs",
    response: { kind: "list", schema: userActivatedIqSchema },
    errors: [2202, 2210],
    handle: (context) => {
      const userId = userOf(context, "site-user", context.params.user_id);
      return context.core.listActivatedIqs(context.actorId, userId).filter((activation) => activation.activatedAtUtcMs !== void 0).map(
        (activation) => userActivatedIqView(
          context.live,
          context.ids,
          context.core.getIq(context.actorId, activation.iqId)
        )
      );
    }
  })
];

// api/rest/shapes/locks.ts
var lockTypes = [
  "escutcheon",
  "escutcheon_pin",
  "cylinder",
  "wall_reader",
  "wall_reader_pin"
];
var lockedStates = ["none", "locked", "office_mode", "uncertain", "unlocked"];
var requestedLockStates = ["unlocked", "office_mode", "locked"];
var batteryLevels = ["fresh", "low", "very_low"];
var lockTypeOfKind = {
  "bluenet-escutcheon": "escutcheon",
  "bluenet-cylinder": "cylinder",
  escutcheon: "escutcheon",
  pin: "escutcheon_pin",
  "wall-reader": "wall_reader"
};
var lockSchema = external_exports.object({
  id: external_exports.string(),
  customer_reference: external_exports.string().describe("the lock\u2019s name"),
  lock_type: external_exports.enum(lockTypes),
  communication_type: external_exports.enum(["blue_net"]),
  vendor: external_exports.object({ reference: external_exports.string() }),
  locked_state: external_exports.enum(lockedStates),
  online: external_exports.boolean().describe("the IQ hears the lock (heartbeats answered)"),
  battery_level: external_exports.enum(batteryLevels),
  left_open_alarm: external_exports.boolean().describe("an active NOT CLOSED alert"),
  intrusion_alarm: external_exports.boolean().describe("an active intrusion alert"),
  privacy_mode: external_exports.boolean().describe("always false: the twin does not model privacy mode"),
  iq: external_exports.object({ id: external_exports.string(), otp_enabled: external_exports.boolean() })
});
var lockingSchema = external_exports.strictObject({
  locked_state: external_exports.enum(requestedLockStates).describe("unlocked: remote opening; office_mode: Manual Office Mode on; locked: Manual Office Mode off"),
  otp: external_exports.string().max(64).optional().describe("the one-time password; required for unlocked when the lock\u2019s IQ has otp_enabled")
});
var commandSchema = external_exports.object({
  command_id: external_exports.number().int(),
  lock_id: external_exports.string(),
  locked_state: external_exports.enum(requestedLockStates),
  user_id: external_exports.string().describe("the platform id of the user who sent it"),
  status: external_exports.enum(["pending", "succeeded", "failed"]),
  error_code: external_exports.number().int().nullable(),
  error_message: external_exports.string().nullable(),
  issued_utc_date_time: external_exports.string(),
  finished_utc_date_time: external_exports.string().nullable()
});
var kindIndexes = /* @__PURE__ */ new WeakMap();
function kindOf(live, lockId2) {
  let index = kindIndexes.get(live);
  if (index === void 0) {
    index = new Map(live.spec.locks.map((lock) => [lock.id, lock.kind]));
    kindIndexes.set(live, index);
  }
  return index.get(lockId2);
}
function lockView(live, ids, lock) {
  const kind = kindOf(live, lock.id);
  if (kind === void 0) throw notFound(`lock ${ids.publicId("lock", lock.id)}`);
  const device = live.twin.lockView(lock.id);
  const alerts = live.twin.cloud.alerts.active(lock.id);
  const iq = live.twin.cloud.state.iqs.get(lock.iqId);
  return {
    id: ids.publicId("lock", lock.id),
    customer_reference: lock.name,
    lock_type: lockTypeOfKind[kind],
    communication_type: "blue_net",
    vendor: { reference: "salto" },
    locked_state: device.bolt === "officeMode" ? "office_mode" : device.bolt,
    online: device.online,
    battery_level: device.battery === "very-low" ? "very_low" : device.battery === "low" ? "low" : "fresh",
    left_open_alarm: alerts.some((alert) => alert.kind === "not_closed"),
    intrusion_alarm: alerts.some((alert) => alert.kind === "intrusion"),
    privacy_mode: false,
    iq: { id: ids.publicId("iq", lock.iqId), otp_enabled: iq?.otpEnabled ?? false }
  };
}
var commandStates = {
  open: "unlocked",
  "office-mode-on": "office_mode",
  "office-mode-off": "locked"
};
function utcIso(utcMs) {
  return new Date(utcMs).toISOString();
}
function commandView(command, ids, epochUtcMs) {
  return {
    command_id: command.id,
    lock_id: ids.publicId("lock", command.lockId),
    locked_state: commandStates[command.kind],
    user_id: ids.publicId("user", command.userId),
    status: command.status,
    error_code: command.error?.code ?? null,
    error_message: command.error?.message ?? null,
    issued_utc_date_time: utcIso(epochUtcMs + command.issuedMs),
    finished_utc_date_time: command.finishedMs === void 0 ? null : utcIso(epochUtcMs + command.finishedMs)
  };
}

// api/rest/routes/locks.ts
var locksPath = `${sitePath}/locks`;
var lockPath = `${locksPath}/{lock_id}`;
var lockPathV11 = "/v1.1/sites/{site_id}/locks/{lock_id}";
var lockingDescription = 'Answers 200 with the command; it settles in virtual time (see getLockCommand). On an IQ with otp_enabled, `unlocked` needs `otp`: a user not activated on the IQ gets 404/2202 "Otp is invalid", a missing or wrong code 400/3102 otp_invalid, and the third failure in a row 403/3102 otp_blocked, which ends by itself after 5 virtual minutes. Refused at once with 3105 when the lock\u2019s IQ is offline, 2203 without the permission, 2212 without the feature.';
function lockingRoute(path, operationId) {
  return defineRoute({
    method: "patch",
    path: `${path}/locking`,
    operationId,
    summary: "Remote opening (unlocked) or Manual Office Mode on (office_mode) / off (locked), through the IQ",
    description: lockingDescription,
    tag: "locks",
    body: lockingSchema,
    response: { kind: "item", schema: commandSchema },
    errors: [2202, 2203, 2210, 2212, 3102, 3105],
    handle: (context) => {
      const lockId2 = recordOf(context, "lock", context.params.lock_id);
      const command = lockCommand2(context.live, context.actorId, lockId2, context.body);
      return commandView(command, context.ids, context.live.twin.epochUtcMs);
    }
  });
}
var lockRoutes = [
  defineRoute({
    method: "get",
    path: locksPath,
    operationId: "listLocks",
    summary: "The site\u2019s locks: type, bolt, reachability, battery, alarms and their IQ",
    tag: "locks",
    response: { kind: "list", schema: lockSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => core.listLocks(actorId).map((lock) => lockView(live, ids, lock))
  }),
  defineRoute({
    method: "get",
    path: lockPath,
    operationId: "getLock",
    summary: "One lock",
    tag: "locks",
    response: { kind: "item", schema: lockSchema },
    errors: [2210],
    handle: (context) => lockView(
      context.live,
      context.ids,
      context.core.getLock(context.actorId, recordOf(context, "lock", context.params.lock_id))
    )
  }),
  lockingRoute(lockPath, "setLockedState"),
  lockingRoute(lockPathV11, "setLockedStateV11"),
  defineRoute({
    method: "get",
    path: `${lockPath}/commands/{command_id}`,
    operationId: "getLockCommand",
    summary: "A command sent to the lock, and how it ended (error 3102: the lock did not answer)",
    description: "A twin extension: the service has no such resource.",
    tag: "locks",
    response: { kind: "item", schema: commandSchema },
    errors: [2210],
    handle: (context) => commandOf(context)
  })
];
function commandOf(context) {
  const { live, core, actorId, params, ids } = context;
  const lockId2 = recordOf(context, "lock", params.lock_id);
  core.getLock(actorId, lockId2);
  const id = /^\d{1,15}$/.test(params.command_id) ? Number(params.command_id) : Number.NaN;
  const command = live.twin.cloud.commands.all().find((candidate) => candidate.id === id && candidate.lockId === lockId2);
  if (command === void 0) throw notFound(`command ${params.command_id} of lock ${params.lock_id}`);
  return commandView(command, ids, live.twin.epochUtcMs);
}
function lockCommand2(live, actorId, lockId2, body) {
  const unlocking = body.locked_state === "unlocked";
  live.twin.cloud.core.authorizeLockCommand(actorId, lockId2, unlocking ? "open" : "office-mode");
  const input = unlocking ? {
    type: "admin",
    actor: actorId,
    action: "remote-open",
    args: body.otp === void 0 ? [lockId2] : [lockId2, body.otp]
  } : {
    type: "admin",
    actor: actorId,
    action: "office-mode",
    args: [lockId2, body.locked_state === "office_mode"]
  };
  const { outcome } = live.apply(input);
  if (outcome.kind === "admin-pending") return outcome.command;
  if (outcome.kind === "admin-refused") {
    if (outcome.error instanceof CloudError) throw outcome.error;
    throw new CloudError(isErrorCode(outcome.code) ? outcome.code : 2201, `lock ${lockId2}`);
  }
  throw new RangeError(`${input.type} input answered no command`);
}

// api/rest/shapes/users.ts
function roleCode(role) {
  return `site_${role.replaceAll("-", "_")}`;
}
var roleCodes = roles.map(roleCode);
var roleSchema = external_exports.object({
  id: external_exports.string().describe("UUID"),
  code: external_exports.string().describe(roleCodes.join(", ")),
  customer_reference: external_exports.string().describe("the role\u2019s name")
});
var roleNames = {
  owner: "Owner",
  admin: "Admin",
  "super-user": "Super user",
  user: "User",
  guest: "Guest",
  installer: "Installer"
};
function roleView(ids, role) {
  return { id: ids.publicId("role", role), code: roleCode(role), customer_reference: roleNames[role] };
}
function roleOfId(ids, roleId) {
  return roles.find((role) => ids.publicId("role", role) === roleId);
}
var subscriptionStates = ["subscribed", "suspended"];
var siteUserSchema = external_exports.object({
  id: external_exports.string().describe("the site-user id (UUID): `/users/{id}`, `/pin`, `/keys`, PATCH and DELETE"),
  user: external_exports.object({
    id: external_exports.string().describe("the platform user id (UUID): group membership and entries\u2019 `user_id`"),
    first_name: external_exports.string().nullable(),
    last_name: external_exports.string().nullable(),
    email: external_exports.string().nullable()
  }),
  alias: external_exports.string(),
  roles: external_exports.array(roleSchema),
  subscription_state: external_exports.enum(subscriptionStates),
  use_pin: external_exports.boolean(),
  remote_access: external_exports.boolean(),
  expires_at: external_exports.string().nullable().describe("ISO 8601 UTC; shown, frees no seat"),
  blocked: external_exports.boolean(),
  override_privacy_mode: external_exports.boolean(),
  toggle_easy_office_mode: external_exports.boolean(),
  toggle_manual_office_mode: external_exports.boolean()
});
function siteUserView(ids, user, rolesSettled = true) {
  return {
    id: ids.publicId("site-user", user.id),
    user: {
      id: ids.publicId("user", user.id),
      first_name: user.firstName ?? null,
      last_name: user.lastName ?? null,
      email: user.email ?? null
    },
    alias: user.name,
    roles: rolesSettled ? [roleView(ids, user.role)] : [],
    subscription_state: user.subscriptionState,
    use_pin: user.usePin,
    remote_access: user.permissions.remoteOpening,
    expires_at: user.expiresAtUtcMs === void 0 ? null : new Date(user.expiresAtUtcMs).toISOString(),
    blocked: user.blocked,
    override_privacy_mode: user.permissions.overridePrivacy,
    toggle_easy_office_mode: user.permissions.easyOfficeMode,
    toggle_manual_office_mode: user.permissions.manualOfficeMode
  };
}
var text = external_exports.string().max(200);
var isoInstant = external_exports.iso.datetime({ offset: true }).describe("ISO 8601 date-time");
var settingsFields = {
  first_name: text.optional(),
  last_name: text.optional(),
  use_pin: external_exports.boolean().optional(),
  blocked: external_exports.boolean().optional(),
  remote_access: external_exports.boolean().optional(),
  override_privacy_mode: external_exports.boolean().optional(),
  toggle_easy_office_mode: external_exports.boolean().optional(),
  toggle_manual_office_mode: external_exports.boolean().optional(),
  role_ids: external_exports.array(external_exports.string().max(64)).max(1).optional().describe("one role id (see `GET \u2026/roles`); a user holds one role; site_user when left out or empty")
};
var siteUserCreateSchema = external_exports.strictObject({
  alias: text.min(1),
  email: external_exports.email().max(254).optional().describe('sends an invitation (into the twin\u2019s outbox); "" is refused'),
  expires_at: isoInstant.optional(),
  tag_id: external_exports.string().max(64).optional().describe("a tag of the site (its id) to hand to the user"),
  ...settingsFields
});
var siteUserPatchSchema = external_exports.strictObject({
  alias: text.min(1).optional(),
  email: external_exports.email().max(254).nullable().optional(),
  expires_at: isoInstant.nullable().optional(),
  ...settingsFields
});
var guestCreateSchema = external_exports.strictObject({
  alias: text.min(1),
  expires_at: isoInstant.optional(),
  first_name: text.optional(),
  last_name: text.optional()
});
var subscriptionStatePatchSchema = external_exports.strictObject({ state: external_exports.enum(subscriptionStates) });
var pinRequestSchema = external_exports.strictObject({
  expiry_date: isoInstant.optional().describe("shown in `\u2026/keys`"),
  pin: external_exports.string().regex(/^\d{6}$/, "a PIN is 6 digits").optional().describe("a PIN of your choice: only with the subscription\u2019s custom_pin feature")
});
var pinResponseSchema = external_exports.string().describe("the new 6-digit PIN, as a bare JSON string");
var keySchema = external_exports.object({
  type: external_exports.enum(["pin", "tag", "digital_key"]),
  key_identifier: external_exports.string().describe("pin: the user\u2019s site-user id; tag: the tag\u2019s id; digital_key: the phone\u2019s"),
  expiry_date: external_exports.string().nullable(),
  offline_access: external_exports.boolean()
});

// api/rest/routes/me.ts
var meSchema = siteUserSchema.shape.user;
var meRoutes = [
  defineRoute({
    method: "get",
    path: "/v1.2/me",
    operationId: "getMe",
    summary: "The calling user\u2019s platform profile: platform id, first and last name, email",
    description: "With a client-credentials token, the user it acts as (the site\u2019s first owner, else its first admin). `id` is the platform user id (as in `user.id` of a site user and `user_id` of entries), not the site-user id.",
    tag: "me",
    response: { kind: "item", schema: meSchema },
    errors: [],
    handle: ({ core, actorId, ids }) => {
      const user = core.state.users.get(actorId);
      if (user === void 0) throw unauthorized("the token\u2019s user no longer exists");
      return siteUserView(ids, user).user;
    }
  })
];

// api/rest/schemas.ts
function snakeValue(value) {
  return value.replaceAll("-", "_");
}
var idList = external_exports.array(external_exports.string().max(200)).max(1e3);
var utcDateTime = external_exports.string().describe("ISO 8601 instant in UTC (`2026-03-02T08:00:00.000Z`)");
var roleValues = roles.map(snakeValue);
var accessMethods2 = ["tag", "pin_code", "digital_key", "inside_handle", "remote"];
var scheduleSchema = external_exports.object({
  weekdays: external_exports.array(external_exports.number().int().min(1).max(7)).describe("ISO weekdays, 1 = Monday \u2026 7 = Sunday"),
  start: external_exports.string().describe("HH:mm, site-local time"),
  end: external_exports.string().describe("HH:mm, site-local time; 24:00 is the end of the day"),
  from_date: external_exports.string().nullable().describe("YYYY-MM-DD, site-local, inclusive"),
  until_date: external_exports.string().nullable().describe("YYYY-MM-DD, site-local, inclusive")
});
var notificationRuleSchema = external_exports.object({
  id: external_exports.string(),
  name: external_exports.string(),
  user_ids: external_exports.union([external_exports.array(external_exports.string()), external_exports.literal("anyone")]),
  lock_ids: external_exports.union([external_exports.array(external_exports.string()), external_exports.literal("any")]),
  time_schedules: external_exports.union([external_exports.array(scheduleSchema), external_exports.literal("always")]),
  methods: external_exports.union([external_exports.array(external_exports.enum(accessMethods2)), external_exports.literal("any")]),
  channels: external_exports.array(external_exports.enum(channels)),
  recipients: external_exports.array(external_exports.string())
});
var cloudMessageKinds = ["invitation", "iq-pin"];
var outboxMessageSchema = external_exports.object({
  kind: external_exports.enum(["notification", "invitation", "iq_pin"]),
  rule_id: external_exports.string().nullable().describe("the notification rule that sent it; null for the cloud\u2019s own"),
  channel: external_exports.enum(channels),
  recipient: external_exports.string(),
  subject: external_exports.string(),
  body: external_exports.string(),
  utc_date_time: utcDateTime.describe("when the opening happened")
});
var alertSchema = external_exports.object({
  lock_id: external_exports.string(),
  kind: external_exports.enum(alertKinds),
  active: external_exports.boolean(),
  detail: external_exports.string(),
  raised_utc_date_time: utcDateTime,
  cleared_utc_date_time: utcDateTime.nullable()
});
var openApiDocumentSchema = external_exports.looseObject({
  openapi: external_exports.string(),
  paths: external_exports.record(external_exports.string(), external_exports.unknown())
});
var scheduleInputSchema = external_exports.strictObject({
  weekdays: external_exports.array(external_exports.number()).max(7),
  start: external_exports.string().max(5),
  end: external_exports.string().max(5),
  from_date: external_exports.string().max(10).nullable().optional(),
  until_date: external_exports.string().max(10).nullable().optional()
});
var schedulesInput = external_exports.array(scheduleInputSchema).max(100);
var notificationRuleCreateSchema = external_exports.strictObject({
  name: external_exports.string().max(200),
  user_ids: external_exports.union([idList, external_exports.literal("anyone")]).optional().describe("platform user ids; anyone when left out"),
  lock_ids: external_exports.union([idList, external_exports.literal("any")]).optional().describe("lock ids; any when left out"),
  time_schedules: external_exports.union([schedulesInput, external_exports.literal("always")]).optional().describe("always when left out"),
  methods: external_exports.union([external_exports.array(external_exports.enum(accessMethods2)).max(5), external_exports.literal("any")]).optional().describe("any when left out"),
  channels: external_exports.array(external_exports.enum(channels)).max(3),
  recipients: external_exports.array(external_exports.string().min(1).max(200)).max(100)
});

// api/rest/views.ts
function utcIso2(utcMs) {
  return new Date(utcMs).toISOString();
}
function scheduleView(schedule) {
  return {
    weekdays: [...schedule.weekdays],
    start: schedule.start,
    end: schedule.end,
    from_date: schedule.fromDate ?? null,
    until_date: schedule.untilDate ?? null
  };
}
function notificationRuleView(ids, rule) {
  return {
    id: ids.publicId("notification-rule", rule.id),
    name: rule.name,
    user_ids: rule.userIds === "anyone" ? "anyone" : rule.userIds.map((id) => ids.publicId("user", id)),
    lock_ids: rule.lockIds === "any" ? "any" : rule.lockIds.map((id) => ids.publicId("lock", id)),
    time_schedules: rule.schedules === "always" ? "always" : rule.schedules.map(scheduleView),
    methods: rule.methods === "any" ? "any" : [...rule.methods],
    channels: [...rule.channels],
    recipients: [...rule.recipients]
  };
}
function outboxOrigin(ids, ruleId) {
  const own = cloudMessageKinds.find((kind) => kind === ruleId);
  if (own !== void 0) return { kind: own === "iq-pin" ? "iq_pin" : own, rule_id: null };
  return { kind: "notification", rule_id: ids.publicId("notification-rule", ruleId) };
}
function outboxMessageView(ids, message) {
  return {
    ...outboxOrigin(ids, message.ruleId),
    channel: message.channel,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    utc_date_time: utcIso2(message.atUtcMs)
  };
}
function alertView(ids, alert) {
  return {
    lock_id: ids.publicId("lock", alert.lockId),
    kind: alert.kind,
    active: alert.clearedUtcMs === void 0,
    detail: alert.detail,
    raised_utc_date_time: utcIso2(alert.raisedUtcMs),
    cleared_utc_date_time: alert.clearedUtcMs === void 0 ? null : utcIso2(alert.clearedUtcMs)
  };
}

// api/rest/shapes/time-schedules.ts
var dayFields = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday"
];
var noDaySelected = "At least one day should be selected";
var timeText = external_exports.string().max(8).describe("HH:mm or HH:mm:ss, site-local wall-clock time");
var dateText = external_exports.string().max(10).nullable().describe("YYYY-MM-DD, site-local, inclusive");
var dayFlag = external_exports.boolean();
var timeScheduleSchema = external_exports.object({
  id: external_exports.string().describe("the schedule\u2019s UUID"),
  monday: external_exports.boolean(),
  tuesday: external_exports.boolean(),
  wednesday: external_exports.boolean(),
  thursday: external_exports.boolean(),
  friday: external_exports.boolean(),
  saturday: external_exports.boolean(),
  sunday: external_exports.boolean(),
  start_time: external_exports.string().describe("HH:mm:ss, the first second of the window"),
  end_time: external_exports.string().describe("HH:mm:59, the last second of the window (the minute given is included)"),
  start_date: external_exports.string().nullable(),
  end_date: external_exports.string().nullable()
});
var scheduleFields = {
  monday: dayFlag.optional(),
  tuesday: dayFlag.optional(),
  wednesday: dayFlag.optional(),
  thursday: dayFlag.optional(),
  friday: dayFlag.optional(),
  saturday: dayFlag.optional(),
  sunday: dayFlag.optional(),
  start_date: dateText.optional(),
  end_date: dateText.optional(),
  /** Not part of the API: present only so a client sending it gets the service's own answer, not a generic one. */
  days: external_exports.unknown().optional().describe(`refused: 400/1101 "${noDaySelected}" (use the weekday flags)`)
};
var timeScheduleCreateSchema = external_exports.strictObject({
  ...scheduleFields,
  start_time: timeText,
  end_time: timeText
});
var timeSchedulePatchSchema = external_exports.strictObject({
  ...scheduleFields,
  start_time: timeText.optional(),
  end_time: timeText.optional()
});
var timePattern = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
var datePattern = /^\d{4}-\d{2}-\d{2}$/;
function minutesOf(text2, field2, secondsAllowed) {
  const match2 = timePattern.exec(text2);
  const seconds = match2?.[3];
  if (match2 === null || seconds !== void 0 && !secondsAllowed.includes(seconds))
    throw invalidParameter(
      field2,
      `a time HH:mm or HH:mm:ss${secondsAllowed.length > 1 ? " (seconds 00 or 59)" : " (seconds 00)"}`
    );
  return Number(match2[1]) * 60 + Number(match2[2]);
}
function clock(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
function twinStart(text2) {
  return clock(minutesOf(text2, "start_time", ["00"]));
}
function twinEnd(text2) {
  return clock(minutesOf(text2, "end_time", ["00", "59"]) + 1);
}
function apiStartTime(start) {
  return `${start}:00`;
}
function apiEndTime(end) {
  const [hours, minutes] = end.split(":").map(Number);
  return `${clock(hours * 60 + minutes - 1)}:59`;
}
function localDate(value, field2) {
  if (value === void 0 || value === null) return void 0;
  if (!datePattern.test(value)) throw invalidParameter(field2, "a local date YYYY-MM-DD");
  return value;
}
function apiScheduleOf(item) {
  const days = Object.fromEntries(dayFields.map((day) => [day, item[day]]));
  return {
    days,
    start_time: item.start_time,
    end_time: item.end_time,
    start_date: item.start_date,
    end_date: item.end_date
  };
}
function merged(body, base) {
  if (body.days !== void 0) throw invalidParameter("days", noDaySelected);
  const days = Object.fromEntries(
    dayFields.map((day) => [day, body[day] ?? base?.days[day] ?? false])
  );
  const startTime = body.start_time ?? base?.start_time;
  const endTime = body.end_time ?? base?.end_time;
  if (startTime === void 0) throw invalidParameter("start_time", "required");
  if (endTime === void 0) throw invalidParameter("end_time", "required");
  return {
    days,
    start_time: startTime,
    end_time: endTime,
    start_date: body.start_date === void 0 ? base?.start_date ?? null : body.start_date,
    end_date: body.end_date === void 0 ? base?.end_date ?? null : body.end_date
  };
}
var apiFieldOfTwinPath = {
  weekdays: "monday",
  start: "start_time",
  end: "end_time",
  fromDate: "start_date",
  untilDate: "end_date"
};
function twinScheduleOf(api) {
  const weekdays = dayFields.flatMap((day, index) => api.days[day] ? [index + 1] : []);
  if (weekdays.length === 0) throw invalidParameter("monday", noDaySelected);
  const fromDate = localDate(api.start_date, "start_date");
  const untilDate = localDate(api.end_date, "end_date");
  const candidate = {
    weekdays,
    start: twinStart(api.start_time),
    end: twinEnd(api.end_time),
    ...fromDate === void 0 ? {} : { fromDate },
    ...untilDate === void 0 ? {} : { untilDate }
  };
  const result = validateSchedule(candidate);
  if (result.ok) return result.schedule;
  const twinField = result.path === scheduleRootPath ? "" : result.path.split(/[.[]/)[0] ?? "";
  throw invalidParameter(apiFieldOfTwinPath[twinField] ?? "time_schedule", result.message);
}
function scheduleFromCreate(body) {
  return twinScheduleOf(merged(body, void 0));
}
function scheduleFromPatch(body, current) {
  return twinScheduleOf(merged(body, apiScheduleOf(current)));
}
function groupScheduleId(groupId, schedule, index) {
  return schedule.id ?? `${groupId}/schedule-${index + 1}`;
}
function timeSchedulePublicId(ids, scheduleId) {
  return ids.publicId("time-schedule", scheduleId);
}
function timeScheduleView(ids, scheduleId, schedule) {
  const days = new Set(schedule.weekdays);
  return {
    id: timeSchedulePublicId(ids, scheduleId),
    monday: days.has(1),
    tuesday: days.has(2),
    wednesday: days.has(3),
    thursday: days.has(4),
    friday: days.has(5),
    saturday: days.has(6),
    sunday: days.has(7),
    start_time: apiStartTime(schedule.start),
    end_time: apiEndTime(schedule.end),
    start_date: schedule.fromDate ?? null,
    end_date: schedule.untilDate ?? null
  };
}

// api/rest/routes/schedules.ts
function schedulesFromApi(schedules, parameterName) {
  return schedules.map((input, index) => {
    const candidate = {
      weekdays: input.weekdays,
      start: input.start,
      end: input.end,
      ...input.from_date === void 0 || input.from_date === null ? {} : { fromDate: input.from_date },
      ...input.until_date === void 0 || input.until_date === null ? {} : { untilDate: input.until_date }
    };
    const result = validateSchedule(candidate);
    if (result.ok) return result.schedule;
    const field2 = result.path === scheduleRootPath ? "" : `.${result.path.replace("fromDate", "from_date").replace("untilDate", "until_date")}`;
    throw invalidParameter(`${parameterName}[${index}]${field2}`, result.message);
  });
}
var tag2 = "access groups";
var changeErrors2 = [2203, 2210, 2222];
function namedSchedules(group) {
  return group.schedules.map((schedule, index) => ({
    ...schedule,
    id: groupScheduleId(group.id, schedule, index)
  }));
}
function pathScheduleIndex(context, schedules) {
  const publicId = context.params.time_schedule_id;
  const id = context.ids.resolve(
    "time-schedule",
    publicId,
    new Set(schedules.map((schedule) => schedule.id))
  );
  const index = schedules.findIndex((schedule) => schedule.id === id);
  if (id === void 0 || index < 0) throw notFound(`time schedule ${publicId}`);
  return index;
}
function viewOf(context, schedule) {
  return timeScheduleView(context.ids, schedule.id, schedule);
}
function groupOf(context) {
  return context.core.getAccessGroup(context.actorId, pathGroupId(context));
}
function timeScheduleRoutesOf(version) {
  const schedulesPath = `${groupPathOf(version)}/time_schedules`;
  const schedulePath = `${schedulesPath}/{time_schedule_id}`;
  const suffix = version === "v1.1" ? "V11" : "";
  return [
    defineRoute({
      method: "get",
      path: schedulesPath,
      operationId: `listTimeSchedules${suffix}`,
      summary: "The group\u2019s time schedules (none: the group grants nothing)",
      tag: tag2,
      response: { kind: "list", schema: timeScheduleSchema },
      errors: [2210],
      handle: (context) => namedSchedules(groupOf(context)).map((schedule) => viewOf(context, schedule))
    }),
    defineRoute({
      method: "get",
      path: schedulePath,
      operationId: `getTimeSchedule${suffix}`,
      summary: "One time schedule of the group",
      tag: tag2,
      response: { kind: "item", schema: timeScheduleSchema },
      errors: [2210],
      handle: (context) => {
        const schedules = namedSchedules(groupOf(context));
        return viewOf(context, schedules[pathScheduleIndex(context, schedules)]);
      }
    }),
    defineRoute({
      method: "post",
      path: schedulesPath,
      operationId: `addTimeSchedule${suffix}`,
      summary: "Adds a time schedule to the group",
      description: `Weekday flags monday \u2026 sunday (at least one true; a \`days\` array is 400/1101 \u201C${noDaySelected}\u201D), start_time and end_time in the site\u2019s wall-clock time (the end_time minute is included: 18:00 is echoed 18:00:59), optional start_date / end_date (YYYY-MM-DD, inclusive). Answers 201 with the schedule\u2019s id. The group\u2019s locks receive the change through their IQs.`,
      tag: tag2,
      body: timeScheduleCreateSchema,
      response: { kind: "item", status: 201, schema: timeScheduleSchema },
      errors: changeErrors2,
      handle: (context) => {
        const group = groupOf(context);
        const schedule = scheduleFromCreate(context.body);
        const id = context.ids.newId(
          context.params.site_id,
          context.live.inputCount,
          "time-schedule"
        );
        const added = { id, ...schedule };
        context.core.setGroupSchedules(context.actorId, group.id, [...namedSchedules(group), added]);
        return viewOf(context, added);
      }
    }),
    defineRoute({
      method: "patch",
      path: schedulePath,
      operationId: `changeTimeSchedule${suffix}`,
      summary: "Changes a time schedule (fields left out keep their values)",
      tag: tag2,
      body: timeSchedulePatchSchema,
      response: { kind: "item", schema: timeScheduleSchema },
      errors: changeErrors2,
      handle: (context) => {
        const group = groupOf(context);
        const schedules = namedSchedules(group);
        const index = pathScheduleIndex(context, schedules);
        const current = schedules[index];
        const changed = {
          id: current.id,
          ...scheduleFromPatch(context.body, viewOf(context, current))
        };
        schedules[index] = changed;
        context.core.setGroupSchedules(context.actorId, group.id, schedules);
        return viewOf(context, changed);
      }
    }),
    defineRoute({
      method: "delete",
      path: schedulePath,
      operationId: `deleteTimeSchedule${suffix}`,
      summary: "Deletes a time schedule (the last one gone, the group grants nothing)",
      tag: tag2,
      response: { kind: "empty" },
      errors: changeErrors2,
      handle: (context) => {
        const group = groupOf(context);
        const schedules = namedSchedules(group);
        const index = pathScheduleIndex(context, schedules);
        schedules.splice(index, 1);
        context.core.setGroupSchedules(context.actorId, group.id, schedules);
      }
    })
  ];
}
var timeScheduleRoutes = [
  ...timeScheduleRoutesOf("v1.1"),
  ...timeScheduleRoutesOf("v1.2")
];

// api/rest/routes/notifications.ts
var rulesPath = `${sitePath}/notifications`;
function requireRuleManager({ core, actorId, live }) {
  const site = core.getSite(actorId);
  const user = live.twin.cloud.state.users.get(actorId);
  if (user === void 0) throw notFound(actorId);
  requireLevel(site, user, adminLevel, "manage notification rules");
  requireFeature(live.twin.cloud.state, "notifications");
}
function existingIds(context, kind, publicIds, parameterName) {
  const { ids, core } = context;
  const candidates = kind === "user" ? core.state.users : core.state.locks;
  const found = publicIds.map((publicId, index) => {
    const id = ids.resolve(kind, publicId, candidates);
    if (id === void 0) throw invalidParameter(`${parameterName}[${index}]`, `no ${publicId} in this site`);
    return id;
  });
  return [...new Set(found)];
}
var notificationRoutes = [
  defineRoute({
    method: "get",
    path: rulesPath,
    operationId: "listNotificationRules",
    summary: "The site\u2019s notification rules",
    tag: "notifications",
    response: { kind: "list", schema: notificationRuleSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.rules().map((rule) => notificationRuleView(ids, rule));
    }
  }),
  defineRoute({
    method: "post",
    path: rulesPath,
    operationId: "createNotificationRule",
    summary: "Adds a notification rule (admins and owners, with the notifications feature)",
    description: "user_ids, lock_ids, time_schedules and methods default to anyone, any, always and any. A rule without a channel or a recipient could never deliver: 4101.",
    tag: "notifications",
    body: notificationRuleCreateSchema,
    response: { kind: "item", status: 201, schema: notificationRuleSchema },
    errors: [2203, 2210, 2212, 4101],
    handle: (context) => {
      requireRuleManager(context);
      const { body, live, ids, actorId } = context;
      const { notifier, state } = live.twin.cloud;
      if (notifier.rules().length >= notificationRulesMax)
        throw invalidParameter("name", `a site has at most ${notificationRulesMax} notification rules`);
      if (body.name.trim() === "") throw invalidParameter("name", "must not be empty");
      if (body.channels.length === 0) throw new CloudError(4101, "the rule has no channel");
      if (body.recipients.length === 0) throw new CloudError(4101, "the rule has no recipient");
      const userIds = body.user_ids ?? "anyone";
      const lockIds = body.lock_ids ?? "any";
      const schedules = body.time_schedules ?? "always";
      const rule = {
        id: ids.newId(state.site.id, live.inputCount, "notification-rule"),
        name: body.name,
        userIds: userIds === "anyone" ? "anyone" : existingIds(context, "user", userIds, "user_ids"),
        lockIds: lockIds === "any" ? "any" : existingIds(context, "lock", lockIds, "lock_ids"),
        schedules: schedules === "always" ? "always" : schedulesFromApi(schedules, "time_schedules"),
        methods: body.methods === void 0 || body.methods === "any" ? "any" : [...new Set(body.methods)],
        channels: [...new Set(body.channels)],
        recipients: [...new Set(body.recipients)]
      };
      const { outcome } = live.apply({
        type: "admin",
        actor: actorId,
        action: "add-notification-rule",
        args: [rule]
      });
      if (outcome.kind === "admin-refused") throw outcome.error;
      return notificationRuleView(ids, rule);
    }
  }),
  defineRoute({
    method: "delete",
    path: `${rulesPath}/{rule_id}`,
    operationId: "deleteNotificationRule",
    summary: "Deletes a notification rule",
    tag: "notifications",
    response: { kind: "empty" },
    errors: [2203, 2210],
    handle: (context) => {
      const { core, actorId, live, params } = context;
      const site = core.getSite(actorId);
      const user = live.twin.cloud.state.users.get(actorId);
      if (user === void 0) throw notFound(actorId);
      requireLevel(site, user, adminLevel, "manage notification rules");
      const ruleId = context.ids.resolve(
        "notification-rule",
        params.rule_id,
        new Set(live.twin.cloud.notifier.rules().map((rule) => rule.id))
      );
      if (ruleId === void 0) throw notFound(`notification rule ${params.rule_id}`);
      const { outcome } = live.apply({
        type: "admin",
        actor: actorId,
        action: "remove-notification-rule",
        args: [ruleId]
      });
      if (outcome.kind === "admin-refused") throw outcome.error;
    }
  }),
  defineRoute({
    method: "get",
    path: `${rulesPath}/outbox`,
    operationId: "listNotificationOutbox",
    summary: "Messages the rules have sent (email, push, SMS), oldest first",
    tag: "notifications",
    response: { kind: "list", schema: outboxMessageSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.notifier.outbox().map((message) => outboxMessageView(ids, message));
    }
  }),
  defineRoute({
    method: "get",
    path: `${sitePath}/alerts`,
    operationId: "listAlerts",
    summary: "Alerts raised (NOT CLOSED, intrusion, low battery), oldest first; active ones have active = true",
    tag: "notifications",
    response: { kind: "list", schema: alertSchema },
    errors: [2210],
    handle: ({ core, actorId, live, ids }) => {
      core.getSite(actorId);
      return live.twin.cloud.alerts.history().map((alert) => alertView(ids, alert));
    }
  })
];

// api/rest/shapes/tags-and-pods.ts
var tagSchema = external_exports.object({
  id: external_exports.string().describe("UUID"),
  customer_reference: external_exports.string().describe("the number printed on the fob"),
  user_id: external_exports.string().nullable().describe("the holder\u2019s platform user id"),
  blocked: external_exports.boolean()
});
function tagView(ids, tag3) {
  return {
    id: ids.publicId("tag", tag3.id),
    customer_reference: tag3.id,
    user_id: tag3.userId === void 0 ? null : ids.publicId("user", tag3.userId),
    blocked: tag3.blocked
  };
}
var podSchema = external_exports.object({
  id: external_exports.string().describe("UUID"),
  customer_reference: external_exports.string(),
  member_ids: external_exports.array(external_exports.string()).describe("platform user ids"),
  guest_ids: external_exports.array(external_exports.string()).describe("platform user ids"),
  lock_ids: external_exports.array(external_exports.string()),
  guest_limit: external_exports.number().int()
});
function podView(ids, pod) {
  return {
    id: ids.publicId("pod", pod.id),
    customer_reference: pod.name,
    member_ids: pod.memberIds.map((id) => ids.publicId("user", id)),
    guest_ids: pod.guestIds.map((id) => ids.publicId("user", id)),
    lock_ids: pod.lockIds.map((id) => ids.publicId("lock", id)),
    guest_limit: pod.guestLimit
  };
}
var idList2 = external_exports.array(external_exports.string().max(64)).max(1e3);
var podCreateSchema = external_exports.strictObject({
  customer_reference: external_exports.string().min(1).max(200),
  member_ids: idList2.describe("platform user ids"),
  guest_ids: idList2.optional(),
  lock_ids: idList2.optional(),
  guest_limit: external_exports.number().int().min(0).max(1e5)
});
var podGuestSchema = external_exports.strictObject({ user_id: external_exports.string().max(64).describe("platform user id") });

// api/rest/routes/pods.ts
var podsPath = `${sitePath}/pods`;
var podPath = `${podsPath}/{pod_id}`;
var podErrors = [2202, 2203, 2210, 2212, 2213, 2214, 2215, 2216, 2217, 2219, 2221, 2222];
var podOf = (context) => recordOf(context, "pod", context.params.pod_id);
var platformUsers = (context, ids) => ids.map((id) => userOf(context, "user", id));
var podRoutes = [
  defineRoute({
    method: "get",
    path: podsPath,
    operationId: "listPods",
    summary: "The site\u2019s pods",
    tag: "pods",
    response: { kind: "list", schema: podSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listPods(actorId).map((pod) => podView(ids, pod))
  }),
  defineRoute({
    method: "get",
    path: podPath,
    operationId: "getPod",
    summary: "One pod",
    tag: "pods",
    response: { kind: "item", schema: podSchema },
    errors: [2210],
    handle: (context) => podView(context.ids, context.core.getPod(context.actorId, podOf(context)))
  }),
  defineRoute({
    method: "post",
    path: podsPath,
    operationId: "createPod",
    summary: "Creates a pod (name unique in the site, a member with an email, guests within the limit)",
    tag: "pods",
    body: podCreateSchema,
    response: { kind: "item", status: 201, schema: podSchema },
    errors: podErrors,
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const memberIds = platformUsers(context, body.member_ids);
      const guestIds = platformUsers(context, body.guest_ids ?? []);
      const lockIds = (body.lock_ids ?? []).map((id) => recordOf(context, "lock", id));
      const pod = core.createPod(actorId, {
        id: ids.newId(core.state.site.id, live.inputCount, "pod"),
        name: body.customer_reference,
        memberIds,
        guestLimit: body.guest_limit,
        guestIds,
        lockIds
      });
      return podView(ids, pod);
    }
  }),
  defineRoute({
    method: "get",
    path: `${podPath}/guests`,
    operationId: "listPodGuests",
    summary: "A pod\u2019s guests, as site users",
    tag: "pods",
    response: { kind: "list", schema: siteUserSchema },
    errors: [2210],
    handle: (context) => {
      const { core, actorId, ids, live } = context;
      const nowUtcMs2 = live.twin.epochUtcMs + live.twin.clock.now();
      return core.getPod(actorId, podOf(context)).guestIds.map((id) => {
        const user = core.getUser(actorId, id);
        return siteUserView(ids, user, !isSettling(core.state, user, nowUtcMs2));
      });
    }
  }),
  defineRoute({
    method: "post",
    path: `${podPath}/guests`,
    operationId: "addPodGuest",
    summary: "Adds a guest to a pod, by platform user id (within its guest limit; confined to its locks)",
    tag: "pods",
    body: podGuestSchema,
    response: { kind: "item", schema: podSchema },
    errors: podErrors,
    handle: (context) => podView(
      context.ids,
      context.core.addPodGuests(
        context.actorId,
        podOf(context),
        platformUsers(context, [context.body.user_id])
      )
    )
  }),
  defineRoute({
    method: "delete",
    path: `${podPath}/guests/{user_id}`,
    operationId: "removePodGuest",
    summary: "Removes a guest from a pod (by platform user id)",
    tag: "pods",
    response: { kind: "item", schema: podSchema },
    errors: podErrors,
    handle: (context) => podView(
      context.ids,
      context.core.removePodGuests(
        context.actorId,
        podOf(context),
        platformUsers(context, [context.params.user_id])
      )
    )
  })
];

// api/rest/shapes/sites.ts
var featureValues = features.map(snakeValue);
var subscriptionTypes = ["standard", "inactive"];
var siteSchema = external_exports.object({
  id: external_exports.string().describe("the site\u2019s UUID, as paths take it"),
  site_uid: external_exports.string().describe("the site\u2019s short readable code (`DE4520168385`); not accepted in paths"),
  customer_reference: external_exports.string().describe("the site\u2019s name"),
  time_zone: external_exports.string().describe("IANA time zone of the site\u2019s schedules and local times"),
  pin_enabled: external_exports.boolean().describe("the subscription includes PIN codes"),
  active_user_amount: external_exports.number().int().describe("users who are not suspended"),
  subscribed_user_amount: external_exports.number().int().describe("users holding a seat (not suspended)"),
  active_iq_amount: external_exports.number().int().describe("activated IQs")
});
var subscriptionSchema = external_exports.object({
  user_amount: external_exports.number().int().describe("seats: users the site may hold (suspended users hold none)"),
  type: external_exports.enum(subscriptionTypes).describe("`standard` while the subscription is active, else `inactive`"),
  features: external_exports.array(external_exports.enum(featureValues))
});
function subscribedUsers(state) {
  let count = 0;
  for (const user of state.users.values()) if (user.subscriptionState === "subscribed") count += 1;
  return count;
}
function activatedIqs(state) {
  let count = 0;
  for (const iq of state.iqs.values()) if (iq.activated) count += 1;
  return count;
}
function siteView(state, ids, seed) {
  const { site } = state;
  const users = subscribedUsers(state);
  return {
    id: ids.publicId("site", site.id),
    site_uid: siteUid(seed, site.id),
    customer_reference: site.name,
    time_zone: site.timeZone,
    pin_enabled: site.subscription.features.includes("pin-codes"),
    active_user_amount: users,
    subscribed_user_amount: users,
    active_iq_amount: activatedIqs(state)
  };
}
function subscriptionView(state) {
  const { subscription } = state.site;
  return {
    user_amount: subscription.seats,
    type: subscription.active ? "standard" : "inactive",
    features: subscription.features.map(snakeValue)
  };
}

// api/rest/routes/sites.ts
var versions = [
  { prefix: "/v1.2", suffix: "" },
  { prefix: "/v1.1", suffix: "V1_1" }
];
var listText = "A list of one: the site of the token. Filter on any field, as clients resolve a `site_uid` or name to the UUID that paths take: `$filter=site_uid eq 'DE4520168385'` or `$filter=customer_reference eq 'Office'`.";
function siteRoutesOf({ prefix, suffix }) {
  return [
    defineRoute({
      method: "get",
      path: `${prefix}/sites`,
      operationId: `listSites${suffix}`,
      summary: "The sites the token may use (its own site)",
      description: listText,
      tag: "sites",
      response: { kind: "list", schema: siteSchema },
      errors: [2210],
      handle: ({ core, actorId, ids, live }) => {
        core.getSite(actorId);
        return [siteView(core.state, ids, live.seed)];
      }
    }),
    defineRoute({
      method: "get",
      path: `${prefix}/sites/{site_id}`,
      operationId: `getSite${suffix}`,
      summary: "One site, by its UUID",
      description: "The path takes the site\u2019s `id` (a UUID); its `site_uid` or name there is 400/1100, another UUID 404/3104.",
      tag: "sites",
      response: { kind: "item", schema: siteSchema },
      errors: [1100, 2210],
      handle: ({ core, actorId, ids, live }) => {
        core.getSite(actorId);
        return siteView(core.state, ids, live.seed);
      }
    })
  ];
}
var siteRoutes = [
  ...versions.flatMap(siteRoutesOf),
  defineRoute({
    method: "get",
    path: "/v1.2/sites/{site_id}/subscription",
    operationId: "getSubscription",
    summary: "The site\u2019s subscription: its seats (`user_amount`), type and features",
    description: `Guests take a seat like any user; at a full site a new guest is still created, suspended. \`type\` is \`standard\` while the subscription is active, \`inactive\` when not (the twin models one plan). Features in snake_case: ${featureValues.map((feature) => `\`${feature}\``).join(", ")}.`,
    tag: "sites",
    response: { kind: "item", schema: subscriptionSchema },
    errors: [1100, 2210],
    handle: ({ core, actorId }) => {
      core.getSite(actorId);
      return subscriptionView(core.state);
    }
  })
];

// api/rest/routes/tags.ts
var tagsPath = `${sitePath}/tags`;
var tagPath = `${tagsPath}/{tag_id}`;
var tagOf = (context) => recordOf(context, "tag", context.params.tag_id);
var tagRoutes = [
  defineRoute({
    method: "get",
    path: tagsPath,
    operationId: "listTags",
    summary: "The site\u2019s tags",
    tag: "tags",
    response: { kind: "list", schema: tagSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => core.listTags(actorId).map((tag3) => tagView(ids, tag3))
  }),
  defineRoute({
    method: "get",
    path: tagPath,
    operationId: "getTag",
    summary: "One tag",
    tag: "tags",
    response: { kind: "item", schema: tagSchema },
    errors: [2210],
    handle: (context) => tagView(context.ids, context.core.getTag(context.actorId, tagOf(context)))
  }),
  defineRoute({
    method: "post",
    path: `${tagPath}/block`,
    operationId: "blockTag",
    summary: "Blocks a tag (lost): locks refuse it once the change has reached them",
    tag: "tags",
    response: { kind: "item", schema: tagSchema },
    errors: [2203, 2210],
    handle: (context) => tagView(context.ids, context.core.blockTag(context.actorId, tagOf(context)))
  }),
  defineRoute({
    method: "post",
    path: `${tagPath}/unblock`,
    operationId: "unblockTag",
    summary: "Unblocks a tag",
    tag: "tags",
    response: { kind: "item", schema: tagSchema },
    errors: [2203, 2210],
    handle: (context) => tagView(context.ids, context.core.unblockTag(context.actorId, tagOf(context)))
  })
];

// api/rest/routes/token.ts
var identityPrefixDefault = "/identity";
var identityPrefixPattern = /^(\/[A-Za-z0-9._~-]{1,64}){1,8}$/;
function identityPrefixProblem(prefix) {
  if (prefix === "") return void 0;
  if (!identityPrefixPattern.test(prefix) || /(^|\/)\.{1,2}(\/|$)/.test(prefix))
    return `the identity prefix must look like /identity (1\u20138 segments of letters, digits and - . _ ~), not ${JSON.stringify(prefix)}`;
  if (/^\/(v\d[^/]*|connect|openapi\.json|healthz|live)(\/|$)/i.test(prefix))
    return `the identity prefix ${JSON.stringify(prefix)} would hide the API's own paths`;
  return void 0;
}
var rateLimitText = `Rate limited (429/1500 with Retry-After and OAuth2's \`error: "slow_down"\`): ${tokenRateLimitsDefault.requestsMax} requests per ${tokenRateLimitsDefault.requestWindowSeconds} s per address to the token endpoints (${tokenRateLimitsDefault.requestsMaxAll} from all addresses together); after ${tokenRateLimitsDefault.failuresMax} failed attempts in ${tokenRateLimitsDefault.failureWindowSeconds} s for one username (from anywhere) or client_id (from one address), that name is locked out for ${tokenRateLimitsDefault.lockoutSeconds} s, doubled for each further lock-out within an hour up to ${tokenRateLimitsDefault.lockoutSecondsMax} s (even the right password waits).`;
var errorsText = 'Errors follow OAuth 2 (RFC 6749 \xA75.2): `{"error", "error_description"}` and, beside them, the error table\u2019s `ErrorCode` and `Message`. A missing or wrong client is `invalid_client`, 401/1500 with `WWW-Authenticate: Basic`; an unknown user or wrong password `invalid_grant`, 400/1101; another grant type `unsupported_grant_type`, 400/1101; an unknown scope `invalid_scope`, 400/1101; an unreadable body or a missing or malformed field `invalid_request`, 400/1100 or 1101; a site with nobody for the client to act as `unauthorized_client`, 403/2203.';
function tokenRouteAt(prefix) {
  return defineRoute({
    method: "post",
    path: `${prefix}/connect/token`,
    operationId: prefix === "" ? "requestToken" : "requestTokenUnderIdentityPrefix",
    summary: "A bearer token: grant_type client_credentials, or password (username, password), with the client\u2019s credentials",
    description: `Form-encoded (application/x-www-form-urlencoded) or JSON. The client\u2019s credentials come as HTTP Basic or as client_id and client_secret in the body, for both grants: the password grant checks the client too. The client acts as the site\u2019s first owner (else its first admin). With the password grant, username is a user\u2019s id or email; the password is the user's entry in the server's password file (\`serve --password-file\`) or, without one and only on a loopback server, the demo password \`${demoUserPassword}\` of every twin user. The scope is \`${connectScope}\` (left out, it is that too; ${toleratedScopes.map((scope) => `\`${scope}\``).join(", ")} are accepted beside it and grant nothing more; no refresh token is issued). Tokens last expires_in (${tokenLifetimeSecondsDefault}) seconds of wall-clock time; a user holds at most ${tokensPerUserMax} (a new one replaces that user's oldest, never another user's), the server at most ${tokensMax} (when full of other users' live tokens: 429). ${errorsText} ${rateLimitText}`,
    tag: "auth",
    auth: "none",
    rateLimited: true,
    body: tokenRequestSchema,
    bodyFormat: "form-or-json",
    response: { kind: "item", schema: tokenResponseSchema },
    errors: [1100, 1101, 1500, 2203],
    handle: ({ services, live, body, request, clientAddress }) => services.auth.grant(
      body,
      request.headers.get("authorization") ?? void 0,
      live.twin.cloud.state,
      clientAddress
    )
  });
}
function revocationRouteAt(prefix) {
  return defineRoute({
    method: "post",
    path: `${prefix}/connect/revocation`,
    operationId: prefix === "" ? "revokeToken" : "revokeTokenUnderIdentityPrefix",
    summary: "Revokes a token (RFC 7009): it stops working at once",
    description: `Form-encoded or JSON, with \`token\`. The token alone may revoke itself; client credentials (in the body or as HTTP Basic), when sent, must be right (else \`invalid_client\`, 401/1500). Answers 200 whether or not the token was known, so the answer tells nothing about other tokens. A missing token is \`invalid_request\`, 400/1101. ${rateLimitText}`,
    tag: "auth",
    auth: "none",
    rateLimited: true,
    body: revocationRequestSchema,
    bodyFormat: "form-or-json",
    response: { kind: "item", schema: external_exports.object({}).strict() },
    errors: [1100, 1101, 1500],
    handle: async ({ services, body, request, clientAddress }) => {
      await services.auth.revoke(body, request.headers.get("authorization") ?? void 0, clientAddress);
      return {};
    }
  });
}
var tokenRoute = tokenRouteAt("");
var revocationRoute = revocationRouteAt("");
function prefixedIdentityRoutes(prefix) {
  const problem = identityPrefixProblem(prefix);
  if (problem !== void 0) throw new RangeError(problem);
  return prefix === "" ? [] : [tokenRouteAt(prefix), revocationRouteAt(prefix)];
}
function isIdentityPath(pathname) {
  return /\/connect\/(token|revocation)$/.test(pathname);
}

// api/rest/routes/users.ts
import { createHash as createHash4 } from "node:crypto";
var usersPath = `${sitePath}/users`;
var userPath = `${usersPath}/{user_id}`;
function nowUtcMs(live) {
  return live.twin.epochUtcMs + live.twin.clock.now();
}
function view(context, user) {
  const settled = !isSettling(context.core.state, user, nowUtcMs(context.live));
  return siteUserView(context.ids, user, settled);
}
function siteUserId(context) {
  return userOf(context, "site-user", context.params.user_id);
}
function roleFromIds(ids, roleIds) {
  const roleId = roleIds?.[0];
  if (roleId === void 0) return void 0;
  const role = roleOfId(ids, roleId);
  if (role === void 0) throw invalidParameter("role_ids", `no role ${roleId} (see GET \u2026/roles)`);
  return role;
}
function applySettings(core, actorId, userId, ids, body) {
  if (body.alias !== void 0 || body.email !== void 0)
    core.updateUser(actorId, userId, {
      ...body.alias === void 0 ? {} : { name: body.alias },
      ...body.email === void 0 ? {} : { email: body.email }
    });
  const role = roleFromIds(ids, body.role_ids);
  if (role !== void 0 && role !== core.state.users.get(userId)?.role) core.setRole(actorId, userId, role);
  const permissions = {
    ...body.remote_access === void 0 ? {} : { remoteOpening: body.remote_access },
    ...body.toggle_manual_office_mode === void 0 ? {} : { manualOfficeMode: body.toggle_manual_office_mode },
    ...body.toggle_easy_office_mode === void 0 ? {} : { easyOfficeMode: body.toggle_easy_office_mode },
    ...body.override_privacy_mode === void 0 ? {} : { overridePrivacy: body.override_privacy_mode }
  };
  if (Object.keys(permissions).length > 0) core.setPermissions(actorId, userId, permissions);
  const settings = {
    ...body.first_name === void 0 ? {} : { firstName: body.first_name },
    ...body.last_name === void 0 ? {} : { lastName: body.last_name },
    ...body.use_pin === void 0 ? {} : { usePin: body.use_pin },
    ...body.blocked === void 0 ? {} : { blocked: body.blocked },
    ...body.expires_at === void 0 ? {} : { expiresAtUtcMs: body.expires_at === null ? null : Date.parse(body.expires_at) }
  };
  if (Object.keys(settings).length > 0) core.setUserSettings(actorId, userId, settings);
}
var pinDrawsMax = 64;
function generatedPin(context, userId) {
  const taken = /* @__PURE__ */ new Set();
  for (const user of context.core.state.users.values()) if (user.pin !== void 0) taken.add(user.pin);
  const seedId = context.ids.newId(context.core.state.site.id, context.live.inputCount, "key");
  for (let draw = 0; draw < pinDrawsMax; draw += 1) {
    const hex = createHash4("sha256").update(`${seedId}|${userId}|${draw}`, "utf8").digest("hex");
    const pin = (Number.parseInt(hex.slice(0, 12), 16) % 1e6).toString().padStart(6, "0");
    if (!taken.has(pin)) return pin;
  }
  throw invalidParameter("pin", "no free PIN could be drawn: the site has too many");
}
var userRoutes = [
  defineRoute({
    method: "get",
    path: `${sitePath}/roles`,
    operationId: "listRoles",
    summary: "The roles a site user may hold (one each): site_owner, site_admin, \u2026 site_guest",
    tag: "users",
    response: { kind: "list", schema: roleSchema },
    errors: [2210],
    handle: ({ core, actorId, ids }) => {
      core.getSite(actorId);
      return roles.map((role) => roleView(ids, role));
    }
  }),
  defineRoute({
    method: "get",
    path: usersPath,
    operationId: "listUsers",
    summary: "The site\u2019s users (guests included)",
    tag: "users",
    response: { kind: "list", schema: siteUserSchema },
    errors: [2210],
    handle: (context) => context.core.listUsers(context.actorId).map((user) => view(context, user))
  }),
  defineRoute({
    method: "get",
    path: userPath,
    operationId: "getUser",
    summary: "One site user, by its site-user id",
    tag: "users",
    response: { kind: "item", schema: siteUserSchema },
    errors: [2202, 2210],
    handle: (context) => view(context, context.core.getUser(context.actorId, siteUserId(context)))
  }),
  defineRoute({
    method: "post",
    path: usersPath,
    operationId: "createUser",
    summary: "Adds a site user; an email sends an invitation (into the twin\u2019s outbox)",
    description: "From super user up, never above the actor\u2019s own role, within the subscription\u2019s seats (2203 when all are taken). The answer carries both ids. `tag_id` hands a tag of the site to the new user.",
    tag: "users",
    body: siteUserCreateSchema,
    response: { kind: "item", status: 201, schema: siteUserSchema },
    errors: [2203, 2210, 2212, 3104, 4201],
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const role = roleFromIds(ids, body.role_ids);
      const tagId = body.tag_id === void 0 ? void 0 : recordOf(context, "tag", body.tag_id);
      const id = ids.newId(core.state.site.id, live.inputCount, "user");
      core.addUser(actorId, {
        id,
        name: body.alias,
        ...body.email === void 0 ? {} : { email: body.email },
        ...role === void 0 ? {} : { role }
      });
      applySettings(core, actorId, id, ids, {
        ...body,
        alias: void 0,
        email: void 0,
        role_ids: void 0
      });
      if (tagId !== void 0) core.assignTag(actorId, tagId, id);
      if (body.email !== void 0) core.inviteUser(actorId, id);
      return view(context, core.getUser(actorId, id));
    }
  }),
  defineRoute({
    method: "post",
    path: `${sitePath}/guests`,
    operationId: "createGuest",
    summary: "Adds a guest: site_guest, use_pin false, no email; at a full site it is created suspended",
    description: "Answers 201 with the site user. A guest takes a seat of the subscription; when none is free the guest is still created, with `subscription_state: suspended`, and every lock refuses it (`event_detail: suspended`) until it is subscribed (`PATCH \u2026/subscription`) with a free seat. `expires_at` is shown, and frees no seat.",
    tag: "users",
    body: guestCreateSchema,
    response: { kind: "item", status: 201, schema: siteUserSchema },
    errors: [2203, 2210],
    handle: (context) => {
      const { core, actorId, body, ids, live } = context;
      const id = ids.newId(core.state.site.id, live.inputCount, "user");
      core.addUser(actorId, {
        id,
        name: body.alias,
        role: "guest",
        usePin: false,
        whenSeatsFull: "suspend",
        ...body.first_name === void 0 ? {} : { firstName: body.first_name },
        ...body.last_name === void 0 ? {} : { lastName: body.last_name },
        ...body.expires_at === void 0 ? {} : { expiresAtUtcMs: Date.parse(body.expires_at) }
      });
      return view(context, core.getUser(actorId, id));
    }
  }),
  defineRoute({
    method: "patch",
    path: userPath,
    operationId: "updateUser",
    summary: "Changes a site user: alias, names, email (null removes it), role, use_pin, blocked, permissions",
    description: "Fields left out keep their value. Changes apply in that order (alias and email, role, permissions, the rest); a refusal stops there.",
    tag: "users",
    body: siteUserPatchSchema,
    response: { kind: "item", schema: siteUserSchema },
    errors: [2202, 2203, 2210, 2212, 2215, 2220],
    handle: (context) => {
      const userId = siteUserId(context);
      applySettings(context.core, context.actorId, userId, context.ids, context.body);
      return view(context, context.core.getUser(context.actorId, userId));
    }
  }),
  defineRoute({
    method: "patch",
    path: `${userPath}/subscription`,
    operationId: "setUserSubscription",
    summary: "Subscribes (needs a free seat: 2203) or suspends a site user",
    tag: "users",
    body: subscriptionStatePatchSchema,
    response: { kind: "item", schema: siteUserSchema },
    errors: [2202, 2203, 2210],
    handle: (context) => {
      const userId = siteUserId(context);
      return view(context, context.core.setSubscriptionState(context.actorId, userId, context.body.state));
    }
  }),
  defineRoute({
    method: "delete",
    path: userPath,
    operationId: "deleteUser",
    summary: "Deletes a site user (202): the seat is free at once; their tags stay, unassigned",
    tag: "users",
    response: { kind: "empty", status: 202 },
    errors: [2202, 2203, 2210, 2220],
    handle: (context) => context.core.deleteUser(context.actorId, siteUserId(context))
  }),
  defineRoute({
    method: "put",
    path: `${userPath}/pin`,
    operationId: "setUserPin",
    summary: "Generates (or rotates) the user\u2019s 6-digit PIN and answers it as a bare JSON string",
    description: "`{}` or `{expiry_date}`: the cloud draws a PIN no other user of the site has; `{pin}` sets one of your choice, only with the subscription\u2019s custom_pin feature (2212). The PIN works until `expiry_date` (exclusive) when given. It must reach every keypad lock that knows the user: 3105 while one\u2019s IQ is offline, 3102 while one is out of reach.",
    tag: "users",
    body: pinRequestSchema,
    response: { kind: "item", schema: pinResponseSchema },
    errors: [2202, 2203, 2210, 2212, 3102, 3105],
    handle: (context) => {
      const { live, core, actorId, body } = context;
      const userId = siteUserId(context);
      core.getUser(actorId, userId);
      if (body.pin !== void 0) requireFeature(core.state, "custom-pin");
      const pin = body.pin ?? generatedPin(context, userId);
      const { outcome } = live.apply({
        type: "admin",
        actor: actorId,
        action: "set-pin",
        args: [userId, pin, ...body.expiry_date === void 0 ? [] : [body.expiry_date]]
      });
      if (outcome.kind === "admin-refused") throw outcome.error;
      return pin;
    }
  }),
  defineRoute({
    method: "get",
    path: `${userPath}/keys`,
    operationId: "listUserKeys",
    summary: "The user\u2019s keys: its PIN (never its digits), tags and digital keys",
    tag: "users",
    response: { kind: "list", schema: keySchema },
    errors: [2202, 2210],
    handle: (context) => {
      const { core, actorId, ids } = context;
      const user = core.getUser(actorId, siteUserId(context));
      return keysOf(context, user, ids);
    }
  })
];
function keysOf(context, user, ids) {
  const { state } = context.core;
  const iso = (utcMs) => utcMs === void 0 ? null : new Date(utcMs).toISOString();
  const keys = [];
  if (user.pin !== void 0)
    keys.push({
      type: "pin",
      key_identifier: ids.publicId("site-user", user.id),
      expiry_date: iso(user.pinExpiresAtUtcMs),
      offline_access: true
    });
  for (const tag3 of state.tags.values())
    if (tag3.userId === user.id)
      keys.push({
        type: "tag",
        key_identifier: ids.publicId("tag", tag3.id),
        expiry_date: null,
        offline_access: true
      });
  for (const key of state.digitalKeys.values())
    if (key.userId === user.id)
      keys.push({
        type: "digital_key",
        key_identifier: key.phoneId,
        expiry_date: iso(key.validUntilUtcMs),
        offline_access: true
      });
  return keys;
}

// api/rest/routes/index.ts
var restRoutes = [
  tokenRoute,
  revocationRoute,
  ...siteRoutes,
  ...meRoutes,
  ...lockRoutes,
  ...iqRoutes,
  ...userRoutes,
  ...tagRoutes,
  ...accessGroupRoutes,
  ...timeScheduleRoutes,
  ...podRoutes,
  ...notificationRoutes,
  ...entryRoutes
];

// api/rest/app.ts
var apiVersion = "1.2.0";
function createRouteTable(document, identityPrefix2 = identityPrefixDefault) {
  const openApiRoute = defineRoute({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tag: "meta",
    auth: "none",
    response: { kind: "item", schema: openApiDocumentSchema },
    errors: [],
    handle: () => document()
  });
  return [...restRoutes, ...prefixedIdentityRoutes(identityPrefix2), openApiRoute];
}
function restNotFound(c) {
  return renderError(c, notFound(`no route ${c.req.method} ${new URL(c.req.url).pathname}`));
}
function permissionApiForbidden(c) {
  const problem = {
    type: "https://tools.ietf.org/html/rfc7231#section-6.5.3",
    title: "Forbidden",
    status: 403,
    detail: `the /v2 permission API is not available to this client (${c.req.method} ${new URL(c.req.url).pathname})`
  };
  return c.body(JSON.stringify(problem), 403, { "Content-Type": "application/problem+json" });
}
function restOnError(error, c) {
  const oauth = isIdentityPath(new URL(c.req.url).pathname) ? oauthErrorOf(error) : void 0;
  return oauth === void 0 ? onError(error, c) : renderOAuthError(c, oauth);
}
function createRestApp(live, options, auth = new Authenticator(options)) {
  const app = new Hono3();
  const identityPrefix2 = options.identityPrefix ?? identityPrefixDefault;
  let document;
  const routes = createRouteTable(
    () => document ??= buildOpenApiDocument(routes, apiVersion),
    identityPrefix2
  );
  app.onError(restOnError);
  app.use(requestBodyLimit);
  for (const prefix of /* @__PURE__ */ new Set(["", identityPrefix2])) {
    app.use(`${prefix}/connect/*`, async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    });
  }
  mountRoutes(app, routes, { live, auth });
  app.use(wrongMethodAnswer(routes));
  app.all("/v2", permissionApiForbidden);
  app.all("/v2/*", permissionApiForbidden);
  const identityPaths = identityPrefix2 === "" ? [] : [`${identityPrefix2}/connect/*`];
  for (const prefix of ["/v1.2/*", "/v1.1/*", "/connect/*", ...identityPaths, "/openapi.json"]) {
    app.all(prefix, restNotFound);
  }
  app.notFound(restNotFound);
  return app;
}

// api/server.ts
var liveClientsMax = 256;
function createApp(options, auth = new Authenticator(options.credentials)) {
  const app = new Hono3();
  app.use(requestBodyLimit);
  app.get("/healthz", (c) => c.json({ status: "ok", ...options.live.status() }));
  app.route("/", createRestApp(options.live, options.credentials, auth));
  options.mount?.(app);
  app.notFound(restNotFound);
  return app;
}
async function startServer(options) {
  const credentials2 = authOptionsForHost(options.credentials, options.host);
  const auth = new Authenticator(credentials2);
  const app = createApp({ ...options, credentials: credentials2 }, auth);
  const server = createHttpServer(getRequestListener(app.fetch));
  const wss = new import_websocket_server.default({
    noServer: true,
    maxPayload: protocolLimits.frameBytesMax,
    handleProtocols: selectSubprotocol
  });
  attachLiveProtocol(wss, options.live, {
    userOfToken: (token) => userOfToken(auth, token, options.live),
    anonymousReadOnly: options.anonymousReadOnly === true
  });
  const onUncaught = (error) => {
    console.error("lockstep: the live session ended on an error:", error);
    options.live.fail(error);
  };
  process.on("uncaughtException", onUncaught);
  server.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== "/live" || wss.clients.size >= liveClientsMax) {
      socket.write(
        path !== "/live" ? "HTTP/1.1 404 Not Found\r\n\r\n" : "HTTP/1.1 503 Service Unavailable\r\n\r\n"
      );
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit("connection", client, request));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = server.address().port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () => new Promise((resolve) => {
      process.off("uncaughtException", onUncaught);
      options.live.stop();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
function userOfToken(auth, token, live) {
  try {
    return auth.authenticate(`Bearer ${token}`, live.twin.cloud.state).userId;
  } catch {
    return void 0;
  }
}

// api/live-twin.ts
var sessionInputsMax = scenarioInputsMax;
var applyNudgeMsMax = 1e3;
var inputDepthMax = 32;
var sliceWallMsMax = 20;
var momentsPerCheck = 16;
var LiveTwin = class {
  constructor(options) {
    this.options = options;
    const run = prepareRun(options.scenario, {
      seed: options.seed,
      untilMs: 365 * 864e5,
      trace: {
        onEvent: (traced) => {
          if (traced.event.kind === "input" && !this.applying) this.queuedInputMs = traced.tMs;
          this.listeners.forEach((listener) => listener(traced));
        }
      }
    });
    this.twin = run.twin;
    this.spec = run.twin.spec;
    this.view = new DeviceView(this.twin);
    this.pacer = new Pacer({
      advanceTo: (virtualMs) => {
        if (this.failure === void 0) this.guarded(() => this.runSlice(virtualMs));
      },
      nowMs: () => this.twin.clock.now(),
      speed: options.speed,
      onError: (error) => this.fail(error)
    });
    if (options.paused !== true) this.pacer.resume();
  }
  options;
  twin;
  spec;
  pacer;
  listeners = /* @__PURE__ */ new Set();
  sessionInputs = [];
  /** Virtual time of the last input the twin applied from its own queue (scenario or background traffic). */
  queuedInputMs = -1;
  applying = false;
  view;
  failure;
  failureListeners = /* @__PURE__ */ new Set();
  stopped = false;
  get cloud() {
    return this.twin.cloud.core;
  }
  /**
   * Applies an input now (after every event due now), keeps it for export and returns the virtual time it was
   * applied at. Replayed, a session input is queued from the start, so it runs before any input the twin queues
   * for the same millisecond during the run (background traffic); live it runs after those. So when such an input
   * already ran in this millisecond, time first moves on by a millisecond (or a few), and both orders agree.
   */
  apply(input) {
    this.requireRunning();
    if (this.options.scenario.inputs.length + this.sessionInputs.length >= sessionInputsMax)
      throw new SessionFullError(sessionInputsMax);
    if (jsonDepth(input, inputDepthMax) > inputDepthMax) throw new InputTooDeepError(inputDepthMax);
    return this.guarded(() => {
      const startMs = this.twin.clock.now();
      while (this.queuedInputMs === this.twin.clock.now() && this.twin.clock.now() - startMs < applyNudgeMsMax)
        this.twin.runUntil(this.twin.clock.now() + 1);
      const atMs = this.twin.clock.now();
      this.sessionInputs.push({ atMs, input });
      this.applying = true;
      let outcome;
      try {
        outcome = this.twin.apply(input);
      } finally {
        this.applying = false;
      }
      this.twin.runUntil(atMs);
      return { atMs, outcome };
    });
  }
  /** Inputs the session holds now (its scenario's own included); `sessionInputsMax` at most. */
  /** The seed the twin runs with (the Connect API hashes its public ids from it). */
  get seed() {
    return this.options.seed;
  }
  get inputCount() {
    return this.options.scenario.inputs.length + this.sessionInputs.length;
  }
  /** Why the session ended, or undefined while it runs. */
  get ended() {
    return this.failure;
  }
  /** Tells `listener` once when the session ends; returns its unsubscribe. */
  onFailure(listener) {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }
  /**
   * Ends the session: the twin threw, so its state is no longer one a replay would reach. Time stops, every
   * change is refused from now on (SessionEndedError), reads still answer what the twin holds.
   */
  fail(error) {
    if (this.failure !== void 0) return;
    this.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.pacer.pause();
    for (const listener of [...this.failureListeners]) listener(this.failure);
  }
  requireRunning() {
    if (this.failure !== void 0) throw new SessionEndedError(this.failure);
  }
  /** Runs `work` on the twin; an exception from it ends the session (and is answered as SessionEndedError). */
  guarded(work) {
    try {
      return work();
    } catch (error) {
      this.fail(error);
      throw new SessionEndedError(this.failure ?? String(error));
    }
  }
  /**
   * Runs the twin towards `targetMs` for about `sliceWallMsMax` of wall time; true once there. It runs from one
   * pending moment to the next (every entry due at one virtual millisecond at once) and looks at the wall clock
   * every `momentsPerCheck` of them, so a slice ends on time however busy the site is; the order of events is the
   * one a single `runUntil(targetMs)` gives.
   */
  runSlice(targetMs) {
    if (this.twin.clock.now() >= targetMs) return true;
    const startWallMs = performance.now();
    for (; ; ) {
      for (let moment = 0; moment < momentsPerCheck; moment++) {
        const nextMs = this.twin.clock.peekNextMs();
        if (nextMs === void 0 || nextMs > targetMs) {
          this.twin.runUntil(targetMs);
          return true;
        }
        this.twin.runUntil(Math.max(nextMs, this.twin.clock.now()));
      }
      if (performance.now() - startWallMs >= sliceWallMsMax) return false;
    }
  }
  /**
   * Remote opening or office mode through the cloud as an input (so export replays it). Throws CloudError when
   * the actor may not (nothing is applied then); a refusal of the applied input (3105: IQ offline) is answered.
   */
  lockCommand(actorId, lockId2, state) {
    const action = state === "unlocked" ? "remote-open" : "office-mode";
    const args = state === "unlocked" ? [lockId2] : [lockId2, state === "office_mode"];
    this.twin.cloud.core.authorizeLockCommand(actorId, lockId2, state === "unlocked" ? "open" : "office-mode");
    const { outcome } = this.apply({ type: "admin", actor: actorId, action, args });
    if (outcome.kind === "admin-pending") return { issued: true, command: outcome.command };
    if (outcome.kind === "admin-refused") return { issued: false, code: outcome.code };
    throw new RangeError(`${action} answered no command`);
  }
  /**
   * The cloud core as the REST API uses it: every changing operation becomes an admin input (so the session's
   * export replays it), with the arguments as JSON sees them in both the live run and the replay; reads go
   * straight to the core.
   */
  recordingCore() {
    const core = this.twin.cloud.core;
    return new Proxy(core, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (typeof property !== "string" || !isCoreChange(core, property))
          return value.bind(target);
        return (actorId, ...args) => this.recordedCoreCall(actorId, property, args);
      }
    });
  }
  recordedCoreCall(actorId, method, args) {
    const jsonArgs = JSON.parse(
      JSON.stringify(args.map((arg) => arg === void 0 ? null : arg))
    );
    const { outcome } = this.apply({
      type: "admin",
      actor: actorId,
      action: "core",
      args: [method, ...jsonArgs]
    });
    if (outcome.kind === "admin-refused") throw outcome.error;
    return outcome.kind === "admin-accepted" ? outcome.result : void 0;
  }
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  pause() {
    this.pacer.pause();
  }
  resume() {
    this.requireRunning();
    this.pacer.resume();
  }
  setSpeed(speed) {
    this.pacer.setSpeed(speed);
  }
  /** Moves virtual time forward by `durationMs` now (paused or not), in one go: for tests and small steps. */
  advance(durationMs) {
    this.requireRunning();
    this.guarded(() => this.twin.runUntil(this.twin.clock.now() + durationMs));
  }
  /**
   * Moves virtual time forward by `durationMs` in slices of `sliceWallMsMax`, yielding to the event loop between
   * them, so other clients, REST and `/healthz` are served meanwhile (they may apply inputs in between: each
   * lands at the virtual time it arrives at, as it would while the pacer runs). Gives up after `wallMsMax` of
   * wall time: false then, the twin staying where it got to.
   */
  async advanceSliced(durationMs, wallMsMax) {
    this.requireRunning();
    const targetMs = this.twin.clock.now() + durationMs;
    const startWallMs = performance.now();
    while (!this.guarded(() => this.runSlice(targetMs))) {
      if (this.stopped || performance.now() - startWallMs >= wallMsMax) return false;
      await new Promise((resolve) => setImmediate(resolve));
      this.requireRunning();
    }
    return true;
  }
  stop() {
    this.stopped = true;
    this.pacer.pause();
    this.listeners.clear();
    this.failureListeners.clear();
  }
  status() {
    return {
      virtualMs: this.twin.clock.now(),
      utc: new Date(this.twin.epochUtcMs + this.twin.clock.now()).toISOString(),
      paused: this.pacer.paused,
      speed: this.pacer.speed,
      events: this.twin.trace.events,
      traceHash: this.twin.trace.fingerprint()
    };
  }
  /** The devices now (the same reading `state-at` makes of a replayed twin, see `device-view.ts`). */
  snapshot() {
    return this.view.snapshot();
  }
  /** One lock's entry of the snapshot. Throws for an unknown lock. */
  lockState(lockId2) {
    return this.view.lockState(lockId2);
  }
  /** One IQ's entry of the snapshot. Throws for an unknown IQ. */
  iqState(iqId) {
    return this.view.iqState(iqId);
  }
  /** One repeater's entry of the snapshot. Throws for an unknown repeater. */
  repeaterState(repeaterId) {
    return this.view.repeaterState(repeaterId);
  }
  /** The active alerts, in the order raised. */
  alerts() {
    return this.view.alerts();
  }
  /** The session so far as a scenario file: replaying it gives the same fingerprint. */
  exportScenario() {
    const nowMs = this.twin.clock.now();
    const scenarioInputs = this.options.scenario.inputs.filter((timed) => timed.atMs <= nowMs);
    return {
      name: `${this.options.scenario.name}-session`,
      description: `live session exported at ${this.status().utc} (virtual time ${nowMs} ms)`,
      site: this.options.siteInput,
      seed: this.options.seed,
      until: nowMs,
      background: this.options.scenario.background,
      defects: [...this.options.scenario.defects],
      inputs: [
        ...scenarioInputs.map((timed) => ({ at: timed.atMs, ...timed.input })),
        ...this.sessionInputs.map((timed) => ({ at: timed.atMs, ...timed.input }))
      ],
      expectedHash: this.twin.trace.fingerprint()
    };
  }
};

// api/rest/password-file.ts
import { readFileSync, statSync } from "node:fs";
var passwordFileBytesMax = 64 * 1024;
var passwordEntriesMax = 1e3;
var passwordLengthMin = 8;
var fieldLengthMax = 200;
function parsePasswordFile(text2) {
  if (Buffer.byteLength(text2, "utf8") > passwordFileBytesMax)
    return { ok: false, errors: [`the file is larger than ${passwordFileBytesMax} bytes`] };
  const entries = text2.trimStart().startsWith("{") ? jsonEntries(text2) : lineEntries(text2);
  if (!entries.ok) return entries;
  const book = /* @__PURE__ */ new Map();
  const errors = [];
  for (const { place, user, password } of entries.entries) {
    const problem = entryProblem(user, password);
    const key = user.includes("@") ? user.toLowerCase() : user;
    if (problem !== void 0) errors.push(`${place}: ${problem}`);
    else if (book.has(key)) errors.push(`${place}: "${user}" is listed twice`);
    else book.set(key, password);
    if (errors.length >= 10) break;
  }
  if (errors.length > 0) return { ok: false, errors };
  if (book.size === 0) return { ok: false, errors: ["the file lists no user"] };
  if (book.size > passwordEntriesMax)
    return { ok: false, errors: [`the file lists ${book.size} users; at most ${passwordEntriesMax}`] };
  return { ok: true, book };
}
function readPasswordFile(path) {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { ok: false, errors: [`${path} is not a file`] };
    if (stats.size > passwordFileBytesMax)
      return { ok: false, errors: [`${path} is larger than ${passwordFileBytesMax} bytes`] };
    const result = parsePasswordFile(readFileSync(path, "utf8"));
    return result.ok ? result : { ok: false, errors: result.errors.map((error) => `${path}: ${error}`) };
  } catch (error) {
    const code = error.code ?? "unreadable";
    return { ok: false, errors: [`${path}: cannot read the password file (${code})`] };
  }
}
function jsonEntries(text2) {
  let json2;
  try {
    json2 = JSON.parse(text2);
  } catch {
    return { ok: false, errors: ['the file starts with "{" but is not valid JSON'] };
  }
  if (typeof json2 !== "object" || json2 === null || Array.isArray(json2))
    return { ok: false, errors: ['the JSON must be an object of "user": "password"'] };
  const entries = [];
  for (const [user, password] of Object.entries(json2)) {
    if (typeof password !== "string")
      return { ok: false, errors: [`"${clip(user)}": the password must be a string`] };
    entries.push({ place: `"${clip(user)}"`, user, password });
  }
  return { ok: true, entries };
}
function lineEntries(text2) {
  const entries = [];
  const lines = text2.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon < 0) return { ok: false, errors: [`line ${index + 1}: expected user:password`] };
    entries.push({
      place: `line ${index + 1}`,
      user: line.slice(0, colon).trim(),
      password: line.slice(colon + 1)
    });
  }
  return { ok: true, entries };
}
function entryProblem(user, password) {
  if (user === "") return "the user is empty";
  if (user.length > fieldLengthMax) return `the user is longer than ${fieldLengthMax} characters`;
  if (password.length < passwordLengthMin)
    return `the password is shorter than ${passwordLengthMin} characters`;
  if (password.length > fieldLengthMax) return `the password is longer than ${fieldLengthMax} characters`;
  if (/[\u0000-\u001f\u007f]/.test(user + password)) return "control characters are not allowed";
  return void 0;
}
function clip(text2) {
  return text2.length > 40 ? `${text2.slice(0, 40)}\u2026` : text2;
}

// viz/bundle.ts
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
var entryPoint = fileURLToPath(new URL("./client/main.ts", new URL("../viz/bundle.ts", import.meta.url).href));
var cached;
function vizBundle() {
  cached ??= buildBundle();
  return cached;
}
async function buildBundle() {
  try {
    const result = await build({
      entryPoints: [entryPoint],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      charset: "utf8",
      legalComments: "none",
      logLevel: "silent"
    });
    const output = result.outputFiles[0];
    if (output === void 0) return { ok: false, message: "esbuild produced no output" };
    return { ok: true, code: output.text };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

// viz/page.ts
var speedChoices = [0.5, 1, 2, 5, 10, 30, 60, 120, 600, 3600];
var css = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5d6778; --line: #d8dde6; --panel: #f6f7f9; --locked: #3b5b92; --unlocked: #24914a; --office: #c77d0a; --alarm: #c62828; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font-size: 14px; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 18px; padding: 10px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 18px; margin: 0; } h1 span { color: var(--muted); font-weight: 400; }
h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.clock { display: flex; flex-direction: column; line-height: 1.2; }
#clock { font: 600 18px ui-monospace, SFMono-Regular, Menlo, monospace; }
#utc, #run-status { color: var(--muted); font-size: 12px; }
.time-controls { display: flex; align-items: center; gap: 6px; }
button, select, input { font: inherit; }
button { border: 1px solid #b8c0cc; background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover:not(:disabled) { background: #eef2f8; } button:disabled { opacity: .45; cursor: default; }
button:focus-visible, select:focus-visible, input:focus-visible, .lock:focus-visible { outline: 3px solid #7aa7ff; outline-offset: 2px; }
#connection { padding: 2px 8px; border-radius: 10px; font-size: 12px; background: #e4e7ec; }
#connection[data-state="open"] { background: #d5f0dc; } #connection[data-state="closed"] { background: #fbd9d9; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 0; height: calc(100vh - 58px); min-height: 480px; }
.plan { display: flex; flex-direction: column; min-width: 0; min-height: 0; padding: 8px 12px; }
#plan { flex: 1 1 auto; height: 0; width: 100%; min-height: 300px; }
.plan.history #plan { filter: sepia(.35); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; color: var(--muted); font-size: 12px; padding: 4px 0; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 6px; vertical-align: -2px; margin-right: 4px; }
.legend .rssi { width: 60px; height: 6px; border-radius: 3px; background: linear-gradient(90deg, hsl(0 75% 40%), hsl(60 75% 40%), hsl(120 75% 40%)); vertical-align: 1px; }
.timeline { display: flex; align-items: center; gap: 8px; padding: 6px 0; }
.timeline input { flex: 1; }
.timeline .timeline-file { font-size: 12px; color: var(--muted); }
.timeline .timeline-file input { flex: none; width: 14em; }
#timeline-label { font: 12px ui-monospace, monospace; min-width: 210px; color: var(--muted); }
.plan.history #timeline-label { color: var(--office); font-weight: 600; }
aside { border-left: 1px solid var(--line); overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 16px; background: #fcfcfd; }
aside section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
#lock-panel header { padding: 0; background: none; border: 0; justify-content: space-between; }
#lock-panel h2 { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: 16px; margin: 0; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 8px 0; font-size: 13px; } dt { color: var(--muted); } dd { margin: 0; }
form.login { display: flex; gap: 6px; align-items: center; } form.login[hidden] { display: none; } form.login input { width: 120px; }
form.action, .fault-row { display: flex; gap: 6px; align-items: center; margin: 6px 0; }
form.action label, .fault-row label { flex: 1; display: flex; gap: 6px; align-items: center; min-width: 0; }
form.action input[type=text] { flex: 1; min-width: 0; padding: 3px 6px; border: 1px solid #b8c0cc; border-radius: 5px; }
form.action label { min-width: 0; } form.action button { flex: none; width: 118px; white-space: nowrap; }
#faults { max-height: 240px; overflow-y: auto; }
.fault-fields { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; font-size: 12px; color: var(--muted); margin-bottom: 6px; }
.fault-fields input { width: 100%; padding: 2px 4px; }
output.result { display: block; min-height: 1.3em; font-size: 12px; color: var(--muted); }
output.result.error, #message { color: var(--alarm); }
#message { position: fixed; bottom: 10px; left: 12px; margin: 0; background: #fff; padding: 4px 8px; border-radius: 6px; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
#message:empty { display: none; }
#entries { list-style: none; margin: 0; padding: 0; font-size: 12px; max-height: 46vh; overflow-y: auto; }
#entries li { padding: 3px 0; border-bottom: 1px solid #eef0f3; display: grid; grid-template-columns: 62px 1fr; gap: 0 6px; }
#entries .time { font-family: ui-monospace, monospace; color: var(--muted); }
#entries .who { grid-column: 2; color: var(--muted); }
#entries li.empty { display: block; }
#entries li.rejected .what { color: var(--alarm); } #entries li.alarm .what { color: var(--alarm); font-weight: 600; }
#alerts { list-style: none; margin: 0; padding: 0; font-size: 13px; } #alerts li { color: var(--alarm); font-weight: 600; } #alerts:empty::after { content: "none"; color: var(--muted); font-weight: 400; }
.empty { color: var(--muted); font-size: 12px; }
/* floor plan */
.plan-background { fill: url(#grid-1m); } .grid-line { fill: none; stroke: #eef1f5; stroke-width: 1; }
.link { stroke-width: 3; stroke-linecap: round; opacity: .85; } .link.unknown { stroke-dasharray: 6 5; }
.interference { fill: rgba(198, 40, 40, .12); stroke: rgba(198, 40, 40, .6); stroke-dasharray: 8 6; stroke-width: 2; }
.label { font-size: 12px; text-anchor: middle; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.label.name { font-weight: 600; } .rssi-label { font-size: 10px; } .label.small { font-size: 11px; fill: var(--muted); }
.label.state.bolt-unlocked { fill: var(--unlocked); font-weight: 600; } .label.state.bolt-officeMode { fill: var(--office); font-weight: 600; } .label.state.bolt-locked { fill: var(--locked); }
.label.door-notClosed { fill: var(--alarm); font-weight: 700; } .label.door-open { fill: var(--ink); }
.label.battery-low, .label.battery-very-low, .label.battery-veryLow, .label.offline { fill: var(--alarm); font-weight: 600; }
.glyph { font: 700 13px system-ui, sans-serif; text-anchor: middle; fill: #fff; pointer-events: none; }
.iq-shape { fill: #27457a; stroke: #fff; stroke-width: 2; } .iq.disconnected .iq-shape { fill: #fff; stroke: var(--alarm); stroke-width: 3; } .iq.disconnected .glyph { fill: var(--alarm); }
.iq.unpowered .iq-shape { fill: #9aa3b1; }
.repeater-shape { fill: #5c6f91; stroke: #fff; stroke-width: 2; } .repeater.unpowered .repeater-shape { fill: #c9ced6; }
.lock { cursor: pointer; } .lock-body { stroke: #fff; stroke-width: 2; fill: var(--locked); }
.lock-body.bolt-unlocked { fill: var(--unlocked); } .lock-body.bolt-officeMode { fill: var(--office); }
.lock.offline .lock-body { fill: #a9b0bb; stroke: #68707c; stroke-dasharray: 4 3; }
.padlock-body { fill: #fff; pointer-events: none; } .padlock-shackle { fill: none; stroke: #fff; stroke-width: 2; pointer-events: none; }
.lock[data-bolt="unlocked"] .padlock-shackle, .lock[data-bolt="officeMode"] .padlock-shackle { transform: translate(4px, -2px); }
.select-ring { fill: none; stroke: transparent; stroke-width: 3; } .lock.selected .select-ring { stroke: #7aa7ff; }
.lock:hover .select-ring { stroke: #c3d6ff; }
.door-leaf { stroke: #6b5a45; stroke-width: 5; stroke-linecap: round; } .door-hinge { fill: #6b5a45; }
.door-notClosed .door-leaf, .door-notClosed .door-hinge { stroke: var(--alarm); fill: var(--alarm); }
svg.dense .label { display: none; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; height: auto; } #plan { min-height: 60vh; } }
`;
function vizPageHtml() {
  const speeds = speedChoices.map((speed) => `<option value="${speed}">${speed}\xD7</option>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lockstep \xB7 live twin</title>
<link rel="icon" href="data:,">
<style>${css}</style>
<script type="module" src="/viz.js"></script>
</head>
<body>
<header>
  <h1>lockstep <span>live twin</span></h1>
  <span id="connection" data-testid="connection" role="status" data-state="connecting">connecting\u2026</span>
  <div class="clock">
    <output id="clock" data-testid="clock" aria-label="Virtual clock">T+00:00:00</output>
    <span id="utc" data-testid="utc"></span>
  </div>
  <div class="time-controls" role="group" aria-label="Time controls">
    <button type="button" id="pause" aria-label="Pause">\u275A\u275A Pause</button>
    <button type="button" id="play" aria-label="Play">\u25B6 Play</button>
    <label>Speed <select id="speed" aria-label="Speed (virtual seconds per second)">${speeds}</select></label>
    <button type="button" id="step" aria-label="Step 10 seconds">+10 s</button>
  </div>
  <span id="run-status" data-testid="run-status"></span>
  <button type="button" id="export" aria-label="Export the session as a scenario file">Export</button>
  <form id="login" class="login" data-testid="login" aria-label="Log in" hidden><label>Client <input type="text" id="login-client" aria-label="API client id" autocomplete="username"></label><label>Secret <input type="password" id="login-secret" aria-label="API client secret" autocomplete="current-password"></label><button type="submit">Log in</button></form>
</header>
<main>
  <section class="plan" id="plan-section" aria-label="Site">
    <svg id="plan" data-testid="floor-plan" role="group" aria-label="Floor plan" viewBox="0 0 800 400"></svg>
    <div class="legend" aria-hidden="true">
      <span><i style="background:var(--locked)"></i>locked</span>
      <span><i style="background:var(--unlocked)"></i>unlocked</span>
      <span><i style="background:var(--office)"></i>office mode</span>
      <span><i style="background:#a9b0bb"></i>offline</span>
      <span>radio: weak <i class="rssi"></i> strong</span>
      <span>grid: 1 m</span>
    </div>
    <div class="timeline" role="group" aria-label="Timeline">
      <input type="range" id="timeline" data-testid="timeline" aria-label="Timeline: virtual time to show" min="0" max="0" step="1000" value="0"
        title="Away from its end, the server replays the session (or the loaded file) to the chosen time; the page's own kept snapshots show until the answer arrives">
      <button type="button" id="live" aria-label="Back to live">Live</button>
      <label class="timeline-file">Load\u2026<input type="file" id="timeline-file" data-testid="timeline-file" accept=".json,application/json" aria-label="Load scenario or failure file"></label>
      <output id="timeline-label" data-testid="timeline-label">live</output>
    </div>
  </section>
  <aside>
    <section id="lock-panel" data-testid="lock-panel" aria-labelledby="lock-panel-title" hidden>
      <header><h2 id="lock-panel-title">Lock</h2><button type="button" id="panel-close" aria-label="Close the lock panel">\xD7</button></header>
      <dl id="lock-details" data-testid="lock-details"></dl>
      <form class="action" id="form-tap-phone"><label>Phone <input type="text" id="input-phone" aria-label="Phone id" value="phone-anna" autocomplete="off"></label><button type="submit" aria-label="Tap phone">Tap phone</button></form>
      <form class="action" id="form-present-tag"><label>Tag <input type="text" id="input-tag" aria-label="Tag id" value="tag-anna" autocomplete="off"></label><button type="submit" aria-label="Present tag">Present tag</button></form>
      <form class="action" id="form-remote-open"><label>As the logged-in user</label><button type="submit" aria-label="Remote open">Remote open</button></form>
      <output id="command-result" class="result" data-testid="command-result" role="status"></output>
    </section>
    <section aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <div class="fault-fields" role="group" aria-label="Interference settings">
        <label>radius m <input type="number" id="interference-radius" aria-label="Interference radius (m)" value="8" min="1" max="200" step="1"></label>
        <label>loss 0\u20131 <input type="number" id="interference-loss" aria-label="Interference loss probability" value="0.9" min="0" max="1" step="0.05"></label>
        <label>for s <input type="number" id="interference-duration" aria-label="Interference duration (s)" value="60" min="1" max="86400" step="1"></label>
      </div>
      <div id="faults" data-testid="faults"><p class="empty">waiting for the twin\u2026</p></div>
      <output id="fault-result" class="result" data-testid="fault-result" role="status"></output>
    </section>
    <section aria-labelledby="alerts-title"><h2 id="alerts-title">Alerts</h2><ul id="alerts" data-testid="alerts" aria-labelledby="alerts-title"></ul></section>
    <section aria-labelledby="entries-title"><h2 id="entries-title">Entries</h2><ol id="entries" data-testid="entries" aria-label="Entries log, newest first"></ol></section>
  </aside>
</main>
<p id="message" data-testid="message" role="alert"></p>
</body>
</html>
`;
}
var vizPageHeaders = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache"
};

// viz/serve.ts
function mountViz(app) {
  const bundle = vizBundle();
  const page = vizPageHtml();
  app.get("/", (c) => c.html(page, 200, { ...vizPageHeaders }));
  app.get("/viz.js", async (c) => {
    const built = await bundle;
    if (!built.ok) return c.text(`the visualization did not build:
${built.message}
`, 500);
    return c.body(built.code, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff"
    });
  });
}

// bin/serve-command.ts
var demoClient = { clientId: "lockstep-demo", clientSecret: "lockstep-demo-secret" };
var loopbackHosts2 = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "::1"]);
function identityPrefix(flag) {
  if (flag === void 0) return {};
  const problem = identityPrefixProblem(flag);
  if (problem !== void 0) throw new BadInputError(`--identity-prefix: ${problem}`);
  return { identityPrefix: flag };
}
function credentials(host) {
  const clientId = process.env.LOCKSTEP_CLIENT_ID;
  const clientSecret = process.env.LOCKSTEP_CLIENT_SECRET;
  if (clientId !== void 0 && clientSecret !== void 0 && clientSecret.length >= 16)
    return { clientId, clientSecret };
  if (!loopbackHosts2.has(host)) {
    throw new BadInputError(
      `refusing to serve on ${host} with the demo API credentials: set LOCKSTEP_CLIENT_ID and LOCKSTEP_CLIENT_SECRET (16+ characters), or bind to 127.0.0.1`
    );
  }
  return demoClient;
}
function userPasswords(path) {
  if (path === void 0) return {};
  const read = readPasswordFile(path);
  if (!read.ok) throw new BadInputError(`--password-file: ${read.errors.join("\n  ")}`);
  return { userPasswords: read.book };
}
async function serveCommand(flags) {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new BadInputError(`--port must be 0\u201365535, got "${flags.port}"`);
  const speed = Number(flags.speed);
  if (!(speed > 0 && speed <= 86400))
    throw new BadInputError(`--speed must be a number in (0, 86400], got "${flags.speed}"`);
  const resolved = resolveTarget(flags.scenario);
  if (!resolved.ok)
    throw new BadInputError(resolved.errors.map((error) => `${error.path}: ${error.message}`).join("\n"));
  const clientCredentials = {
    ...credentials(flags.host),
    ...userPasswords(flags.passwordFile),
    ...identityPrefix(flags.identityPrefix)
  };
  const live = new LiveTwin({
    scenario: resolved.value,
    siteInput: isSiteName(flags.scenario) ? flags.scenario : resolved.value.spec,
    seed: flags.seed ?? resolved.value.seed ?? 1,
    speed
  });
  const server = await startServer({
    live,
    host: flags.host,
    port,
    credentials: clientCredentials,
    mount: mountViz,
    anonymousReadOnly: flags.anonymousReadOnly === true
  });
  process.stdout.write(
    `lockstep live twin: ${resolved.value.name} (seed ${flags.seed ?? resolved.value.seed ?? 1}) at ${speed}x
`
  );
  const prefix = flags.identityPrefix ?? identityPrefixDefault;
  const identityUrls = `${server.url}/connect/token${prefix === "" ? "" : `  (and ${server.url}${prefix}/connect/token)`}`;
  process.stdout.write(
    `  visualization  ${server.url}/
  REST API       ${server.url}/v1.2/sites  (OpenAPI at ${server.url}/openapi.json)
  identity       ${identityUrls}
  live protocol  ${server.url.replace("http", "ws")}/live
  health         ${server.url}/healthz
Ctrl-C stops it.
`
  );
  await new Promise((resolve) => {
    const stop = () => {
      process.stdout.write("stopping\u2026\n");
      void server.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

// bin/cli-program.ts
function parseSeed(text2) {
  if (!/^-?\d+$/.test(text2) || !Number.isSafeInteger(Number(text2)))
    throw new InvalidArgumentError("a seed is a whole number");
  return Number(text2);
}
var checkHelpAfter = `
Modes (--mode):
  safety    the generated steps run with their faults; after every step every invariant but liveness is
            judged; nothing is repaired and nothing runs after the last step.
  liveness  the generated steps run with their faults, unjudged; then every fault stops (IQs and repeaters
            powered, internet up) and the twin runs quietly for the liveness bound, ${quietPeriodMs / 6e4} minutes;
            by then every lock must hold the cloud's data version (the monitor's liveness check).
  both      (default) safety during the steps, then the repair and the quiet period judged every minute, then
            liveness: what every sweep did before the modes, with the same fingerprints.
A failure file names its mode's property (twin-safety, twin-liveness, twin-invariants for both).

Coverage (--coverage, --require-coverage): for each device machine (iq, repeater, lock, door, phone) the states
and transitions its runs reached, out of every one in the machine's definition, and for each named situation
how many runs reached it (a run counts once). With --jobs and --shard the counts cover exactly the runs done.`;
function buildProgram() {
  const program2 = new Command("lockstep").description("A deterministic digital twin of a cloud smart-lock site, and the harness around it.").exitOverride().showHelpAfterError("(run lockstep --help for usage)");
  program2.command("list").description("list the named scenarios and sites").option("--json", "print one JSON object").action((options) => listCommand(options));
  program2.command("run").description(
    "run a scenario, a site (with seeded background traffic) or a scenario/site file; or, with --all, every library scenario"
  ).argument("[target]", "a scenario name, a site name, or a .json file (none with --all)").option("--all", "run every scenario of the library: one line each, then a summary; exit 1 if any failed").option("--seed <n>", "root seed of all randomness", parseSeed).option("--until <duration>", "virtual time to run to (e.g. 90s, 10m, 1h, 1d)").option("--trace <file>", "write the trace as JSON Lines to this file").option("--narrate", "tell what happens, in plain words").option("--json", "print one JSON object").action((target, options) => runCommand(target, options));
  program2.command("demo").description("narrate a site in virtual time (what `npm start` runs until the live server exists)").option("--site <name>", "site or scenario to narrate", "office").option("--seed <n>", "root seed", parseSeed).option("--until <duration>", "virtual time to run to", "2h").addOption(
    new Option(
      "--speed <x>",
      "virtual seconds per wall second (default 120 on a terminal, as fast as possible otherwise)"
    ).argParser(parseFloat)
  ).action((options) => demoCommand(options));
  program2.command("check").description(
    "explore generated sites and input sequences against the invariants; shrink and save failures"
  ).option("--runs <n>", "runs in the sweep", void 0).option("--seed <s>", "sweep seed (each run gets its own seed from it)").option("--steps <m>", "most steps in one run").option("--jobs <j>", "worker threads on this machine").option("--shard <i/n>", "run only shard i of n (the union of all shards is the whole sweep)").option("--defect <name>", "switch a defect on (repeatable)", (name, previous = []) => [
    ...previous,
    name
  ]).option("--list-defects", "list the switchable defects").option("--determinism", "run each case twice and name the first event where the traces part").option("--out <dir>", "where failure files go", ".lockstep/failures").option("--mode <mode>", 'safety, liveness or both (see "Modes" below)', "both").option(
    "--coverage",
    "report the states and transitions of each device machine and the named situations the runs reached"
  ).option(
    "--require-coverage",
    "fail (exit 1) when a named situation was never reached or a machine's transition coverage is under the threshold (implies --coverage)"
  ).option("--transition-coverage-min <percent>", "threshold for --require-coverage (default 95)").option("--json", "print one JSON object").addHelpText("after", checkHelpAfter).action((options) => checkCommand(options));
  program2.command("replay").description(
    "replay a failure file or a scenario that records its fingerprint (a live session export): the same run, event for event, told in plain words"
  ).argument("<file>", 'a failure file written by lockstep check, or a scenario file with "expectedHash"').option("--json", "print one JSON object").action((file, options) => replayCommand(file, options));
  program2.command("serve").description("serve the live twin: REST API, live WebSocket protocol and browser visualization").option("--host <host>", "interface to bind (loopback unless told otherwise)", "127.0.0.1").option("--port <port>", "port (0 picks a free one)", "8080").option(
    "--scenario <name>",
    "scenario or site to run (a site runs with people coming and going)",
    "office"
  ).option("--seed <n>", "root seed", parseSeed).option("--speed <x>", "virtual seconds per wall second", "1").option("--anonymous-read-only", "let /live clients without a token watch (never act); off by default").option(
    "--password-file <file>",
    'passwords of the password grant (JSON {"user": "password"} or user:password lines); replaces the demo password, which works on loopback only'
  ).option(
    "--identity-prefix <path>",
    'also serve /connect/token and /connect/revocation under this path ("" for none)',
    "/identity"
  ).action((options) => serveCommand(options));
  program2.command("bench").description(
    "measure speed and memory: campus day, events/s, check runs/s (one and two workers), trace bytes per event, heap per device, clock race, REST requests/s, WebSocket p99 (docs/performance.md)"
  ).option("--json", "print one JSON object").option("--quick", "a shorter run (1 simulated hour, 1,000-actor clock race) for a quick look").action((options) => benchCommand(options));
  program2.addHelpText("after", `
${describeScenarioList()}`);
  return program2;
}
function errorText2(error) {
  return error instanceof Error ? error.message : String(error);
}
async function runCli(args) {
  const exitCodeBefore = process.exitCode;
  process.exitCode = void 0;
  try {
    await buildProgram().parseAsync([...args], { from: "user" });
    return Number(process.exitCode ?? exitCodes.passed);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.passed : exitCodes.badInput;
    if (error instanceof BadInputError) {
      process.stderr.write(`lockstep: ${error.message}
`);
      return exitCodes.badInput;
    }
    process.stderr.write(`lockstep: internal error: ${errorText2(error)}
`);
    return exitCodes.failed;
  } finally {
    process.exitCode = exitCodeBefore;
  }
}

// bin/cli.ts
function exitOnEscapedError(event) {
  return (error) => {
    if (error?.code === "EPIPE") process.exit(exitCodes.passed);
    if (process.listenerCount(event) > 1) return;
    process.stderr.write(`lockstep: internal error: ${errorText2(error)}
`);
    process.exit(exitCodes.failed);
  };
}
process.on("uncaughtException", exitOnEscapedError("uncaughtException"));
process.on("unhandledRejection", exitOnEscapedError("unhandledRejection"));
process.exitCode = await runCli(process.argv.slice(2));
//# sourceMappingURL=lockstep.mjs.map
